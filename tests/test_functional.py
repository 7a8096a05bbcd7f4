"""minigrad.functional: layers, pooling and losses against finite differences and by hand."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import minigrad.functional as F
from minigrad import Tensor, gradcheck

SETTINGS = settings(max_examples=15, deadline=None)


def leaf(shape, seed=0, low=-1.0, high=1.0):
    return Tensor(np.random.default_rng(seed).uniform(low, high, size=shape), requires_grad=True)


def naive_conv2d(x, w, b, stride, padding):
    """The definition, with loops: the reference F.conv2d must agree with."""
    x = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    n, c, h, wd = x.shape
    o, _, kh, kw = w.shape
    ho, wo = (h - kh) // stride + 1, (wd - kw) // stride + 1
    out = np.zeros((n, o, ho, wo))
    for i in range(ho):
        for j in range(wo):
            patch = x[:, :, i * stride:i * stride + kh, j * stride:j * stride + kw]
            out[:, :, i, j] = np.tensordot(patch, w, axes=([1, 2, 3], [1, 2, 3])) + b
    return out


@SETTINGS
@given(n=st.integers(1, 2), c=st.integers(1, 3), o=st.integers(1, 3), h=st.integers(3, 7),
       w=st.integers(3, 7), k=st.integers(1, 3), stride=st.integers(1, 2), padding=st.integers(0, 1),
       seed=st.integers(0, 50))
def test_conv2d_matches_definition_and_gradients(n, c, o, h, w, k, stride, padding, seed):
    x, wt, b = leaf((n, c, h, w), seed), leaf((o, c, k, k), seed + 1), leaf((o,), seed + 2)
    out = F.conv2d(x, wt, b, stride=stride, padding=padding)
    assert np.allclose(out.data, naive_conv2d(x.data, wt.data, b.data, stride, padding))
    assert gradcheck(lambda *t: F.conv2d(*t, stride=stride, padding=padding), x, wt, b)


def test_conv2d_stride2_padding1_odd_sizes_rectangular_kernel_no_bias():
    x, wt = leaf((2, 3, 7, 5)), leaf((4, 3, 3, 2), 1)
    out = F.conv2d(x, wt, stride=2, padding=1)
    assert out.shape == (2, 4, 4, 3)
    assert gradcheck(lambda a, b: F.conv2d(a, b, stride=2, padding=1), x, wt)


@pytest.mark.parametrize("pool", [F.max_pool2d, F.avg_pool2d])
@pytest.mark.parametrize("kernel,stride", [(2, None), (3, 2), (2, 1), (3, 3), ((2, 3), (1, 2))])
def test_pooling(pool, kernel, stride):
    x = leaf((2, 3, 7, 6), 3)
    out = pool(x, kernel, stride)
    kh, kw = (kernel, kernel) if isinstance(kernel, int) else kernel
    s = stride if stride is not None else kernel
    sh, sw = (s, s) if isinstance(s, int) else s
    ref = np.lib.stride_tricks.sliding_window_view(x.data, (kh, kw), axis=(2, 3))[:, :, ::sh, ::sw]
    expect = ref.max(axis=(4, 5)) if pool is F.max_pool2d else ref.mean(axis=(4, 5))
    assert np.allclose(out.data, expect)
    assert gradcheck(lambda t: pool(t, kernel, stride), x)


def test_max_pool_gives_a_tied_window_one_gradient():
    x = Tensor(np.zeros((1, 1, 2, 2)), requires_grad=True)
    F.max_pool2d(x, 2).sum().backward()
    assert x.grad.sum() == 1.0


def test_linear_uses_pytorch_layout():
    x, w, b = leaf((4, 3)), leaf((5, 3), 1), leaf((5,), 2)
    assert np.allclose(F.linear(x, w, b).data, x.data @ w.data.T + b.data)
    assert gradcheck(F.linear, x, w, b)
    assert gradcheck(lambda a, c: F.linear(a, c), leaf((2, 4, 3), 3), w)
    with pytest.raises(ValueError, match=r"linear.*\(4, 3\).*\(5, 2\)"):
        F.linear(x, leaf((5, 2)))


@pytest.mark.parametrize("reduction", ["mean", "sum"])
def test_losses_gradients(reduction):
    rng = np.random.default_rng(0)
    t = rng.random((4, 3))
    assert gradcheck(lambda p: F.mse_loss(p, t, reduction=reduction), leaf((4, 3)))
    assert gradcheck(lambda p: F.binary_cross_entropy(p, t, reduction=reduction), leaf((4, 3), 1, 0.05, 0.95))
    assert gradcheck(lambda z: F.binary_cross_entropy_with_logits(z, t, reduction=reduction), leaf((4, 3), 2, -3, 3))
    labels = np.array([0, 2, 1, 2])
    assert gradcheck(lambda z: F.cross_entropy(z, labels, reduction=reduction), leaf((4, 3), 3, -3, 3))


def test_loss_values_by_hand():
    z = Tensor([[2.0, 1.0, 0.1]])
    expect = -np.log(np.exp(2.0) / np.exp([2.0, 1.0, 0.1]).sum())
    assert F.cross_entropy(z, [0]).item() == pytest.approx(expect, rel=1e-6)
    assert F.mse_loss(Tensor([1.0, 3.0]), [0.0, 0.0]).item() == pytest.approx(5.0)
    assert F.binary_cross_entropy(Tensor([0.8]), [1.0]).item() == pytest.approx(-np.log(0.8), rel=1e-6)
    assert F.binary_cross_entropy_with_logits(Tensor([0.0]), [1.0]).item() == pytest.approx(np.log(2), rel=1e-6)


def test_stability_on_huge_logits():
    z = Tensor(np.array([[1e4, -1e4, 0.0], [-1e4, -1e4, 1e4]]), requires_grad=True)
    for value in [z.softmax(), z.log_softmax(), z.sigmoid(), F.cross_entropy(z, [0, 2]),
                  F.cross_entropy(z, [1, 0]), F.binary_cross_entropy_with_logits(z, np.ones((2, 3))),
                  F.binary_cross_entropy(z.sigmoid(), np.zeros((2, 3)))]:
        assert np.all(np.isfinite(value.data))
    assert np.allclose(z.softmax().data, [[1, 0, 0], [0, 0, 1]])
    assert F.cross_entropy(z, [1, 0]).item() == pytest.approx(2e4, rel=1e-6)
    F.cross_entropy(z, [1, 0]).backward()
    assert np.all(np.isfinite(z.grad))


def test_dropout():
    x = Tensor(np.ones((1000,)), requires_grad=True)
    assert F.dropout(x, 0.3, training=False) is x
    y = F.dropout(x, 0.3)
    kept = y.data != 0
    assert 0.6 < kept.mean() < 0.8 and np.allclose(y.data[kept], 1 / 0.7)
    y.sum().backward()
    assert np.allclose(x.grad, y.data)
    with pytest.raises(ValueError, match="dropout"):
        F.dropout(x, 1.0)


def test_one_hot():
    assert np.array_equal(F.one_hot([2, 0], 3).data, [[0, 0, 1], [1, 0, 0]])
    with pytest.raises(ValueError, match=r"\[0, 3\)"):
        F.one_hot([3], 3)


def test_shape_errors_name_the_shapes():
    with pytest.raises(ValueError, match=r"conv2d.*3 channels.*\(1, 3, 5, 5\).*\(2, 4, 3, 3\)"):
        F.conv2d(leaf((1, 3, 5, 5)), leaf((2, 4, 3, 3)))
    with pytest.raises(ValueError, match=r"cross_entropy.*\(4, 3\).*\(5,\)"):
        F.cross_entropy(leaf((4, 3)), np.zeros(5, dtype=int))
    with pytest.raises(ValueError, match=r"cross_entropy.*\[0, 3\).*7"):
        F.cross_entropy(leaf((2, 3)), np.array([0, 7]))
    with pytest.raises(ValueError, match="integers"):
        F.cross_entropy(leaf((2, 3)), np.array([0.0, 1.0]))
    with pytest.raises(ValueError, match=r"mse_loss.*\(4, 3\).*\(3,\)"):
        F.mse_loss(leaf((4, 3)), np.zeros(3))
    with pytest.raises(ValueError, match="probabilities"):
        F.binary_cross_entropy(leaf((2,), 0, 1.5, 2.0), np.zeros(2))


def test_against_pytorch():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(0)
    x, w, b = rng.standard_normal((2, 3, 6, 5)), rng.standard_normal((4, 3, 3, 3)), rng.standard_normal(4)
    labels = np.array([1, 3])
    ours = [Tensor(a, requires_grad=True) for a in (x, w, b)]
    h = F.max_pool2d(F.conv2d(*ours, stride=1, padding=1).relu(), 2)
    loss = F.cross_entropy(h.flatten().reshape(2, -1)[:, :4].log_softmax(), labels)
    loss.backward()
    theirs = [torch.tensor(a, requires_grad=True) for a in (x, w, b)]
    th = torch.nn.functional.max_pool2d(torch.nn.functional.conv2d(*theirs, padding=1).relu(), 2)
    tl = torch.nn.functional.cross_entropy(th.flatten(1)[:, :4].log_softmax(-1), torch.tensor(labels))
    tl.backward()
    assert loss.item() == pytest.approx(tl.item(), abs=1e-6)
    for a, t in zip(ours, theirs):
        assert np.allclose(a.grad, t.grad.numpy(), atol=1e-6)


@pytest.mark.parametrize("call,name", [
    (lambda a: F.linear(a, leaf((4, 3))), "linear"),
    (lambda a: F.conv2d(a[None, None], leaf((1, 1, 2, 2))), "conv2d"),
    (lambda a: F.max_pool2d(a[None, None]), "max_pool2d"),
    (lambda a: F.avg_pool2d(a[None, None]), "avg_pool2d"),
])
def test_numpy_input_to_a_function_is_a_clear_type_error(call, name):
    with pytest.raises(TypeError, match=rf"{name}: expected a Tensor, got ndarray.*Tensor\(x\)"):
        call(np.zeros((4, 3)))
