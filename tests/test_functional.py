"""minigrad.functional: layers, pooling and losses against finite differences and by hand."""

import re

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import minigrad.functional as F
from minigrad import Tensor, gradcheck

SETTINGS = settings(max_examples=15, deadline=None)
# No numpy RuntimeWarning may escape an operation: it would be an unreported inf or nan.
pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")


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
@SETTINGS
@given(n=st.integers(1, 2), c=st.integers(1, 2), h=st.integers(1, 7), w=st.integers(1, 7),
       kernel=st.one_of(st.integers(1, 3), st.tuples(st.integers(1, 3), st.integers(1, 3))),
       stride=st.one_of(st.none(), st.integers(1, 3), st.tuples(st.integers(1, 3), st.integers(1, 3))),
       seed=st.integers(0, 50))
def test_pooling(pool, n, c, h, w, kernel, stride, seed):
    kh, kw = (kernel, kernel) if isinstance(kernel, int) else kernel
    assume(kh <= h and kw <= w)
    s = stride if stride is not None else kernel
    sh, sw = (s, s) if isinstance(s, int) else s
    x = leaf((n, c, h, w), seed)
    out = pool(x, kernel, stride)
    ref = np.lib.stride_tricks.sliding_window_view(x.data, (kh, kw), axis=(2, 3))[:, :, ::sh, ::sw]
    expect = ref.max(axis=(4, 5)) if pool is F.max_pool2d else ref.mean(axis=(4, 5))
    assert np.allclose(out.data, expect)
    assert gradcheck(lambda t: pool(t, kernel, stride), x)


def test_max_pool_gives_a_tied_window_one_gradient():
    x = Tensor(np.zeros((1, 1, 2, 2)), requires_grad=True)
    F.max_pool2d(x, 2).sum().backward()
    assert x.grad.sum() == 1.0


@SETTINGS
@given(batch=st.lists(st.integers(1, 3), min_size=0, max_size=2).map(tuple), n_in=st.integers(1, 4),
       n_out=st.integers(1, 4), bias=st.booleans(), seed=st.integers(0, 50))
def test_linear_uses_pytorch_layout(batch, n_in, n_out, bias, seed):
    x, w = leaf(batch + (n_in,), seed), leaf((n_out, n_in), seed + 1)
    b = leaf((n_out,), seed + 2) if bias else None
    assert np.allclose(F.linear(x, w, b).data, x.data @ w.data.T + (b.data if bias else 0))
    assert gradcheck(F.linear, *[t for t in (x, w, b) if t is not None])


def test_linear_and_conv2d_check_their_arguments():
    x, w = leaf((4, 3)), leaf((5, 3), 1)
    with pytest.raises(ValueError, match=r"linear.*\(4, 3\).*\(5, 2\)"):
        F.linear(x, leaf((5, 2)))
    with pytest.raises(ValueError, match=r"linear: weight .*\(5, 3, 1\)"):
        F.linear(x, leaf((5, 3, 1)))
    # a wrong bias used to broadcast silently (and get a gradient of the wrong shape), or fail in numpy
    for bias in [leaf((2, 5)), leaf((4,)), leaf((1, 5))]:
        shape = re.escape(str(bias.shape))
        with pytest.raises(ValueError, match=rf"linear: bias has shape {shape}.*\(5, 3\).*\(5,\)"):
            F.linear(x, w, bias)
        with pytest.raises(ValueError, match=rf"linear: bias has shape {shape}"):
            F.linear(leaf((2, 4, 3)), w, bias)
    with pytest.raises(ValueError, match=r"conv2d: bias has shape \(3,\).*\(2, 1, 3, 3\).*\(2,\)"):
        F.conv2d(leaf((1, 1, 5, 5)), leaf((2, 1, 3, 3)), leaf((3,)))


@pytest.mark.parametrize("call,pattern", [
    (lambda x: F.conv2d(x, leaf((1, 1, 2, 2)), stride=0), r"conv2d: stride must be an integer ≥ 1.*0"),
    (lambda x: F.conv2d(x, leaf((1, 1, 2, 2)), stride=(1, 0)), r"conv2d: stride.*\(1, 0\)"),
    (lambda x: F.conv2d(x, leaf((1, 1, 2, 2)), padding=-1), r"conv2d: padding must be an integer ≥ 0.*-1"),
    (lambda x: F.conv2d(x, leaf((1, 1, 2, 2)), stride=1.5), r"conv2d: stride.*1\.5"),
    (lambda x: F.max_pool2d(x, 2, 0), r"max_pool2d: stride must be an integer ≥ 1.*0"),
    (lambda x: F.max_pool2d(x, 0), r"max_pool2d: kernel_size must be an integer ≥ 1.*0"),
    (lambda x: F.avg_pool2d(x, (2, 2), (0, 1)), r"avg_pool2d: stride.*\(0, 1\)"),
    (lambda x: F.avg_pool2d(x, (2, -1)), r"avg_pool2d: kernel_size.*\(2, -1\)"),
])
def test_strides_kernels_and_padding_are_checked(call, pattern):
    with pytest.raises(ValueError, match=pattern):
        call(leaf((1, 1, 5, 5)))


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


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_stability_on_huge_logits(dtype):
    logits = np.array([[1e4, -1e4, 0.0], [-1e4, -1e4, 1e4]], dtype=dtype)
    z = Tensor(logits, requires_grad=True)
    for value in [z.softmax(), z.log_softmax(), z.sigmoid(), F.cross_entropy(z, [0, 2]),
                  F.cross_entropy(z, [1, 0]), F.binary_cross_entropy_with_logits(z, np.ones((2, 3))),
                  F.binary_cross_entropy(z.sigmoid(), np.zeros((2, 3)))]:
        assert np.all(np.isfinite(value.data))
    exact = {"rtol": 1e-6, "atol": 1e-6}
    np.testing.assert_allclose(z.softmax().data, [[1, 0, 0], [0, 0, 1]], **exact)
    np.testing.assert_allclose(z.log_softmax().data, [[0, -2e4, -1e4], [-2e4, -2e4, 0]], **exact)
    np.testing.assert_allclose(z.sigmoid().data, [[1, 0, 0.5], [0, 0, 1]], **exact)
    # max(x, 0) − x·t + log(1 + e^−|x|), entry by entry: the e^−|x| of ±1e4 is exactly 0.
    assert F.binary_cross_entropy_with_logits(z, np.ones((2, 3))).item() == pytest.approx(
        (3e4 + np.log(2)) / 6, rel=1e-6)
    assert F.binary_cross_entropy_with_logits(z, np.zeros((2, 3)), reduction="sum").item() == pytest.approx(
        2e4 + np.log(2), rel=1e-6)
    F.binary_cross_entropy_with_logits(z, np.ones((2, 3))).backward()
    np.testing.assert_allclose(z.grad, (np.array([[1, 0, 0.5], [0, 0, 1]]) - 1) / 6, **exact)
    z.grad = None
    assert F.cross_entropy(z, [0, 2]).item() == pytest.approx(0, abs=1e-6)
    assert F.cross_entropy(z, [1, 0]).item() == pytest.approx(2e4, rel=1e-6)
    F.cross_entropy(z, [1, 0]).backward()
    np.testing.assert_allclose(z.grad, [[0.5, -0.5, 0], [-0.5, 0, 0.5]], **exact)


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


LABELS, TARGETS = np.array([1, 3, 0, 3, 2]), np.random.default_rng(9).random((3, 4))
ROWS, COLUMNS = np.array([0, 2, 0, 3, 0]), np.array([1, 1, 1, 4, 1])

# name: (input shapes, the same computation written once for both libraries). F is
# minigrad.functional or torch.nn.functional, and T makes a constant (labels, targets, indices).
ORACLE = {
    "matmul batched": ([(2, 1, 4, 5), (3, 5, 2)], lambda F, T, a, b: a @ b),
    "matmul vector-batch": ([(5,), (2, 5, 3)], lambda F, T, a, b: a @ b),
    "linear": ([(2, 4, 3), (5, 3), (5,)], lambda F, T, x, w, b: F.linear(x, w, b)),
    "conv2d stride 2 padding 1": ([(2, 3, 7, 5), (4, 3, 3, 2), (4,)],
                                  lambda F, T, x, w, b: F.conv2d(x, w, b, stride=2, padding=1)),
    "conv2d stride (2, 1) padding (0, 2)": ([(1, 2, 6, 5), (3, 2, 2, 3), (3,)], lambda F, T, x, w, b:
                                            F.conv2d(x, w, b, stride=(2, 1), padding=(0, 2))),
    "max_pool2d 3 stride 2": ([(2, 3, 7, 6)], lambda F, T, x: F.max_pool2d(x, 3, 2)),
    "max_pool2d (2, 3) stride 1": ([(1, 2, 5, 6)], lambda F, T, x: F.max_pool2d(x, (2, 3), 1)),
    "avg_pool2d (2, 3) stride (1, 2)": ([(2, 3, 7, 6)], lambda F, T, x: F.avg_pool2d(x, (2, 3), (1, 2))),
    "softmax": ([(4, 5)], lambda F, T, x: F.softmax(x, 0)),
    "log_softmax": ([(4, 5)], lambda F, T, x: F.log_softmax(x, -1)),
    "cross_entropy": ([(5, 4)], lambda F, T, x: F.cross_entropy(x, T(LABELS))),
    "cross_entropy sum": ([(5, 4)], lambda F, T, x: F.cross_entropy(x, T(LABELS), reduction="sum")),
    "bce_with_logits": ([(3, 4)], lambda F, T, x: F.binary_cross_entropy_with_logits(x, T(TARGETS))),
    "bce": ([(3, 4)], lambda F, T, x: F.binary_cross_entropy(x.sigmoid(), T(TARGETS))),
    "mse_loss": ([(3, 4)], lambda F, T, x: F.mse_loss(x, T(TARGETS))),
    "indexing repeated": ([(4, 5)], lambda F, T, x: x[T(ROWS), T(COLUMNS)]),
    "indexing slice and repeats": ([(3, 4, 5)], lambda F, T, x: x[1:, T(ROWS)]),
    "cnn": ([(2, 3, 6, 5), (4, 3, 3, 3), (4,)], lambda F, T, x, w, b: F.cross_entropy(
        F.max_pool2d(F.conv2d(x, w, b, padding=1).relu(), 2).flatten(1)[:, :4].log_softmax(-1),
        T(LABELS[:2]))),
}


@pytest.mark.parametrize("name", ORACLE)
def test_against_pytorch(name):
    """The same forward and backward (for a random upstream gradient) in float64, to 1e-6."""
    torch = pytest.importorskip("torch")
    shapes, fn = ORACLE[name]
    rng = np.random.default_rng(len(name))
    arrays = [rng.standard_normal(s) for s in shapes]
    ours = [Tensor(a, requires_grad=True) for a in arrays]
    theirs = [torch.tensor(a, requires_grad=True) for a in arrays]
    out = fn(F, lambda a: a, *ours)
    their_out = fn(torch.nn.functional, torch.from_numpy, *theirs)
    assert out.shape == tuple(their_out.shape)
    np.testing.assert_allclose(out.data, their_out.detach().numpy(), rtol=1e-6, atol=1e-6)
    seed = rng.standard_normal(out.shape)
    out.backward(seed)
    their_out.backward(torch.from_numpy(seed))
    for a, t in zip(ours, theirs):
        np.testing.assert_allclose(a.grad, t.grad.numpy(), rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("call,name", [
    (lambda a: F.linear(a, leaf((4, 3))), "linear"),
    (lambda a: F.conv2d(a[None, None], leaf((1, 1, 2, 2))), "conv2d"),
    (lambda a: F.max_pool2d(a[None, None]), "max_pool2d"),
    (lambda a: F.avg_pool2d(a[None, None]), "avg_pool2d"),
    (lambda a: F.mse_loss(a, np.zeros((4, 3))), "mse_loss"),
    (lambda a: F.binary_cross_entropy(a, np.zeros((4, 3))), "binary_cross_entropy"),
    (lambda a: F.binary_cross_entropy_with_logits(a, np.zeros((4, 3))), "binary_cross_entropy_with_logits"),
    (lambda a: F.cross_entropy(a, [0, 1, 2, 0]), "cross_entropy"),
])
def test_numpy_input_to_a_function_is_a_clear_type_error(call, name):
    with pytest.raises(TypeError, match=rf"{name}: expected a Tensor, got ndarray.*Tensor\(x\)"):
        call(np.zeros((4, 3)))


def col2im_by_definition(g, w, padding):
    """dL/dx of a stride-1 convolution, kernel entry by kernel entry: x[i + p − pad] received
    w[o, c, p, q] · g[o, i] from every output i that read it."""
    n, _, ho, wo = g.shape
    _, c, kh, kw = w.shape
    gxpad = np.zeros((n, c, ho + kh - 1, wo + kw - 1))
    for p in range(kh):
        for q in range(kw):
            gxpad[:, :, p:p + ho, q:q + wo] += np.einsum("nohw,oc->nchw", g, w[:, :, p, q])
    return gxpad[:, :, padding:gxpad.shape[2] - padding, padding:gxpad.shape[3] - padding]


@pytest.mark.parametrize("shape, kernel, padding", [
    ((4, 3, 11, 7), (3, 2), 2),    # rectangular kernel, padding wider than the kernel's half
    ((2, 5, 9, 12), (1, 4), 0),    # no padding: the extra columns are the kernel's overhang
    ((16, 8, 14, 14), (3, 3), 1),  # large enough for every buffer to come from `reusable`
])
def test_stride1_input_gradient_in_shifted_additions_matches_the_definition(shape, kernel, padding):
    rng = np.random.default_rng(3)
    x = Tensor(rng.standard_normal(shape).astype(np.float32), requires_grad=True)
    w = Tensor(rng.standard_normal((6, shape[1], *kernel)).astype(np.float32))
    out = F.conv2d(x, w, padding=padding)
    g = rng.standard_normal(out.shape).astype(np.float32)
    for _ in range(2):  # the second pass gets the first one's buffers back: they must start clean
        x.grad = None
        out = F.conv2d(x, w, padding=padding)
        out.backward(g)
        np.testing.assert_allclose(x.grad.data, col2im_by_definition(g, w.data, padding), rtol=1e-4, atol=1e-4)


def test_large_input_gradients_kept_from_one_step_survive_the_next():
    rng = np.random.default_rng(4)
    w = Tensor(rng.standard_normal((8, 8, 3, 3)).astype(np.float32))
    xs = [Tensor(rng.standard_normal((16, 8, 14, 14)).astype(np.float32), requires_grad=True) for _ in range(2)]
    for x in xs:  # (16, 8, 14, 14) float32 is 100 KB: the gradient and the buffers behind it are reused
        F.max_pool2d(F.conv2d(x, w, padding=1).relu(), 2).sum().backward()
    kept = xs[0].grad.data.copy()
    F.max_pool2d(F.conv2d(xs[1], w, padding=1).relu(), 2).sum().backward()
    np.testing.assert_array_equal(xs[0].grad.data, kept)
    assert xs[0].grad.data is not xs[1].grad.data


@pytest.mark.parametrize("size, kernel, stride", [((7, 5), 2, 2), ((6, 6), 2, 3)])
def test_max_pool_that_leaves_inputs_out_gives_them_no_gradient(size, kernel, stride):
    # 7 × 5 with 2 × 2 windows leaves the last row and column out; 6 × 6 with stride 3, rows
    # and columns 2 and 5. The gradient buffer comes from `reusable` (64 KB and more), where
    # the previous call left nonzero values.
    rng = np.random.default_rng(5)
    out_of_windows = np.ones(size, bool)
    for i in range(0, size[0] - kernel + 1, stride):
        for j in range(0, size[1] - kernel + 1, stride):
            out_of_windows[i:i + kernel, j:j + kernel] = False
    for _ in range(2):
        x = Tensor(rng.uniform(1, 2, (64, 64, *size)).astype(np.float32), requires_grad=True)
        out = F.max_pool2d(x, kernel, stride)
        out.sum().backward()
        assert not x.grad.data[:, :, out_of_windows].any()
        assert x.grad.data.sum() == out.data.size
