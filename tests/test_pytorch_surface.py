"""The surface a learner meets first, with PyTorch's names and conventions (issue 18 item 2).

Each function is checked against float64 finite differences where it is differentiable,
against PyTorch where torch is installed (skipped otherwise), and for a clear error.
"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import minigrad as mg
import minigrad.functional as F
from minigrad import Tensor, gradcheck

SETTINGS = settings(max_examples=20, deadline=None)
# No numpy RuntimeWarning may escape an operation: it would be an unreported inf or nan.
pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")


def leaf(shape, seed=0, low=-2.0, high=2.0):
    return Tensor(np.random.default_rng(seed).uniform(low, high, size=shape), requires_grad=True)


def torch_or_skip():
    return pytest.importorskip("torch")


# --- factories ------------------------------------------------------------------------------------
def test_factories_shapes_and_dtypes():
    for make in (mg.zeros, mg.ones, mg.empty, mg.rand, mg.randn):
        assert make(2, 3).shape == make((2, 3)).shape == make(size=(2, 3)).shape == (2, 3)
        assert make(2).dtype == np.float32 and make(2, dtype=mg.float64).dtype == np.float64
    assert mg.zeros(2, requires_grad=True).requires_grad
    assert mg.tensor([1, 2]).dtype == np.int64 and mg.tensor([1.0]).dtype == np.float32
    assert mg.tensor([True]).dtype == np.bool_ and mg.tensor(3.5).shape == ()
    a = np.array([1.0, 2.0])
    t = mg.tensor(a)
    a[0] = 9
    assert t.dtype == np.float64 and t.data[0] == 1.0       # a copy, as torch.tensor
    assert mg.full((2, 2), 7).dtype == np.int64 and mg.full((2,), 0.5).dtype == np.float32
    x = mg.tensor([[1, 2], [3, 4]], dtype=mg.float64)
    for like, value in ((mg.zeros_like, 0), (mg.ones_like, 1), (mg.empty_like, 0)):
        assert like(x).dtype == np.float64 and np.all(like(x).data == value)
    assert np.all(mg.full_like(x, 3).data == 3) and mg.rand_like(x).shape == mg.randn_like(x).shape == (2, 2)
    assert mg.arange(4).dtype == np.int64 and np.allclose(mg.arange(1, 2, 0.25).data, [1, 1.25, 1.5, 1.75])
    assert mg.arange(1.0, 3).dtype == np.float32
    assert np.allclose(mg.linspace(0, 1, 5).data, [0, 0.25, 0.5, 0.75, 1])
    assert np.array_equal(mg.eye(2, 3).data, np.eye(2, 3)) and mg.eye(3).dtype == np.float32
    r = mg.randint(3, 7, (100,))
    assert r.dtype == np.int64 and r.data.min() >= 3 and r.data.max() < 7
    assert mg.randint(5, size=(2,)).shape == (2,)


def test_factories_are_reproducible_with_manual_seed():
    mg.manual_seed(3)
    first = (mg.randn(3).data, mg.rand(2).data, mg.randint(10, size=(3,)).data)
    mg.manual_seed(3)
    again = (mg.randn(3).data, mg.rand(2).data, mg.randint(10, size=(3,)).data)
    assert all(np.array_equal(a, b) for a, b in zip(first, again))


def test_factories_match_pytorch_dtypes():
    torch = torch_or_skip()
    cases = [(lambda m: m.tensor([1, 2]), "int64"), (lambda m: m.tensor([1.5]), "float32"),
             (lambda m: m.arange(5), "int64"), (lambda m: m.arange(0.0, 1.0, 0.5), "float32"),
             (lambda m: m.full((2,), 3), "int64"), (lambda m: m.linspace(0, 1, 3), "float32"),
             (lambda m: m.zeros(2, dtype=m.long), "int64"), (lambda m: m.eye(2), "float32")]
    for make, name in cases:
        assert make(mg).dtype == np.dtype(name) and str(make(torch).dtype) == f"torch.{name}"


def test_factory_errors():
    with pytest.raises(ValueError, match="zeros: sizes cannot be negative"):
        mg.zeros(-1)
    with pytest.raises(TypeError, match=r"ones: the shape must be integers, got \(2.5,\)"):
        mg.ones(2.5)
    with pytest.raises(TypeError, match="randn: give the shape as arguments or as size=, not both"):
        mg.randn(2, size=(2,))
    with pytest.raises(ValueError, match="randint: need low < high"):
        mg.randint(3, 3, (1,))
    with pytest.raises(ValueError, match="arange: step must be nonzero"):
        mg.arange(0, 1, 0)
    with pytest.raises(TypeError, match="dtype: unknown type 'float128'"):
        mg.zeros(2, dtype="float128")


# --- devices and dtypes ------------------------------------------------------------------------------
def test_the_cpu_is_accepted_and_other_devices_are_a_clear_error():
    x = mg.ones(2, device="cpu")
    assert x.to("cpu") is x and x.cpu() is x and x.device == "cpu" and Tensor([1.0], device="cpu")
    for call in (lambda: mg.zeros(2, device="cuda"), lambda: x.to("cuda:0"), lambda: x.to("mps"),
                 lambda: Tensor([1.0], device="cuda")):
        with pytest.raises(RuntimeError, match="CPU only; see the appendix 'From minigrad to PyTorch and Keras'"):
            call()


def test_dtype_conversions():
    x = Tensor([1.7, -2.2], requires_grad=True)
    assert x.long().dtype == np.int64 and np.array_equal(x.long().data, [1, -2]) and not x.long().requires_grad
    assert x.int().dtype == np.int32 and x.bool().dtype == np.bool_ and x.float() is x
    assert x.to(mg.float64).dtype == np.float64 and x.to("float64").dtype == np.float64
    assert x.to(Tensor([1], dtype=mg.int64)).dtype == np.int64 and x.type(mg.float64).dtype == np.float64
    assert x.type() == "minigrad.FloatTensor" and x.long().type() == "minigrad.LongTensor"
    (x.double() * 3).sum().backward()          # float to float keeps the gradient, in x's dtype
    assert x.grad.dtype == np.float32 and np.allclose(x.grad, 3)
    assert mg.float32 is np.float32 and mg.long is mg.int64 is np.int64 and mg.bool is np.bool_
    torch = torch_or_skip()
    assert torch.tensor([1.7, -2.2]).long().tolist() == x.long().tolist()


# --- numbers, sizes, protocols --------------------------------------------------------------------------
def test_sizes_and_python_numbers():
    x = mg.zeros(2, 3, 4)
    assert x.size() == (2, 3, 4) and x.size(1) == 3 and x.size(-1) == 4 and x.dim() == 3 and x.numel() == 24
    with pytest.raises(IndexError, match=r"size: dim 3 does not fit a tensor of shape \(2, 3, 4\)"):
        x.size(3)
    one = Tensor([2.5])
    assert float(one) == 2.5 and int(one) == 2 and f"{one:.2f}" == "2.50" and one.item() == 2.5
    assert list(range(Tensor(3))) == [0, 1, 2] and [10, 20, 30][Tensor(1)] == 20
    assert mg.tensor([[1, 2]]).tolist() == [[1, 2]] and isinstance(one.numpy(), np.ndarray)
    with pytest.raises(TypeError, match=r"float: only a one-element tensor.*\(2,\)"):
        float(Tensor([1.0, 2.0]))
    with pytest.raises(TypeError, match="index: only integer tensors"):
        [1, 2][Tensor(1.0)]
    d = leaf((2,)).detach()
    assert not d.requires_grad


# --- shapes --------------------------------------------------------------------------------------
@SETTINGS
@given(shape=hnp.array_shapes(min_dims=1, max_dims=4, min_side=1, max_side=3), data=st.data())
def test_shape_methods_gradients(shape, data):
    x = leaf(shape)
    d0, d1 = (data.draw(st.integers(-len(shape), len(shape) - 1)) for _ in range(2))
    new = data.draw(st.integers(-len(shape) - 1, len(shape)))
    start = data.draw(st.integers(0, len(shape) - 1))
    end = data.draw(st.integers(start, len(shape) - 1))
    expect = x.data.swapaxes(d0, d1).shape
    assert gradcheck(lambda t: t.transpose(d0, d1) * leaf(expect, 1), x)
    assert gradcheck(lambda t: t.unsqueeze(new).squeeze() * leaf(x.data.squeeze().shape, 2), x)
    assert gradcheck(lambda t: t.flatten(start, end) * 2 + t.view(-1).sum(), x)
    assert x.flatten(start, end).shape == shape[:start] + (int(np.prod(shape[start:end + 1])),) + shape[end + 1:]


def test_shape_methods_match_pytorch():
    torch = torch_or_skip()
    data = np.random.default_rng(0).standard_normal((2, 1, 3))
    x, t = Tensor(data), torch.tensor(data)
    pairs = [(x.squeeze(), t.squeeze()), (x.squeeze(1), t.squeeze(1)), (x.squeeze(0), t.squeeze(0)),
             (x.unsqueeze(-1), t.unsqueeze(-1)), (x.unsqueeze(0), t.unsqueeze(0)), (x.flatten(), t.flatten()),
             (x.flatten(1), t.flatten(1)), (x.view(3, 2), t.view(3, 2)), (x.reshape((6,)), t.reshape((6,))),
             (x.transpose(0, 2), t.transpose(0, 2)), (x.permute(2, 0, 1), t.permute(2, 0, 1)),
             (x.T, t.permute(2, 1, 0)), (x[0].t(), t[0].t())]
    for ours, theirs in pairs:
        assert np.array_equal(ours.data, theirs.numpy())


def test_shape_errors():
    x = mg.zeros(2, 3, 4)
    with pytest.raises(TypeError, match=r"transpose: takes two dims to swap.*permute\(2, 0, 1\)"):
        x.transpose(2, 0, 1)
    with pytest.raises(ValueError, match=r"t: expects a tensor with at most 2 dims"):
        x.t()
    with pytest.raises(ValueError, match=r"mm: expects two matrices"):
        x.mm(x)


# --- element-wise functions and reductions -------------------------------------------------------
ELEMENTWISE = [
    ("abs", lambda t: t.abs(), -2, 2), ("sqrt", lambda t: t.sqrt(), 0.2, 3),
    ("sin", lambda t: t.sin(), -3, 3), ("cos", lambda t: t.cos(), -3, 3),
    ("clamp", lambda t: t.clamp(-1.0, 1.0), -2, 2), ("clamp_min", lambda t: t.clamp(min=0.5), -2, 2),
    ("pow", lambda t: t.pow(3), -2, 2),
]


@pytest.mark.parametrize("name,fn,low,high", ELEMENTWISE, ids=[e[0] for e in ELEMENTWISE])
def test_elementwise_gradients_and_pytorch(name, fn, low, high):
    x = leaf((3, 4), 1, low, high)
    assert gradcheck(fn, x)
    same_as_torch(fn, x)


def same_as_torch(fn, x):
    """``fn`` (the same code for both libraries) gives PyTorch's values and gradients."""
    torch = torch_or_skip()
    t = torch.tensor(x.data, requires_grad=True)
    fn(t).sum().backward()
    x.grad = None
    fn(x).sum().backward()
    assert np.allclose(fn(x).data, fn(t).detach().numpy()) and np.allclose(x.grad, t.grad.numpy())


def test_elementwise_errors():
    with pytest.raises(ValueError, match=r"sqrt: .*≥ 0, found -1"):
        Tensor([-1.0, 4.0]).sqrt()
    with pytest.raises(ValueError, match="clamp: give min, max or both"):
        Tensor([1.0]).clamp()


REDUCTIONS = [
    ("sum", lambda t: t.sum(1)),
    ("sum keepdim", lambda t: t.sum(dim=0, keepdim=True)),
    ("mean", lambda t: t.mean((0, 1))),
    ("var", lambda t: t.var(1)),
    ("var biased", lambda t: t.var(0, unbiased=False)),
    ("var correction", lambda t: t.var(correction=0)),
    ("std", lambda t: t.std(1, keepdim=True)),
    ("std all", lambda t: t.std()),
    ("norm", lambda t: t.norm()),
    ("norm dim", lambda t: t.norm(dim=1)),
    ("norm 1", lambda t: t.norm(p=1)),
    ("max dim", lambda t: t.max(1).values),
    ("min dim", lambda t: t.min(dim=0, keepdim=True)[0]),
    ("max", lambda t: t.max()),
    ("min", lambda t: t.min()),
]


@pytest.mark.parametrize("name,fn", REDUCTIONS, ids=[r[0] for r in REDUCTIONS])
def test_reductions_gradients_and_pytorch(name, fn):
    x = leaf((3, 4), 2)
    assert gradcheck(lambda t: fn(t) * 1.5, x)
    same_as_torch(fn, x)


def test_max_and_min_with_dim_return_values_and_indices_like_pytorch():
    x = Tensor([[1.0, 5.0, 5.0], [7.0, 0.0, 7.0]])
    values, indices = x.max(1)
    assert np.array_equal(values.data, [5, 7]) and np.array_equal(indices.data, [1, 0])
    assert x.max(dim=1).indices.dtype == np.int64 and x.min(1, keepdim=True).values.shape == (2, 1)
    assert isinstance(x.max(axis=1), Tensor) and x.max(axis=(0, 1)).item() == 7   # numpy's meaning
    assert x.argmax().item() == 3 and np.array_equal(x.argmin(dim=1).data, [0, 1])
    assert x.argmax(1, keepdim=True).shape == (2, 1) and mg.argmax(x, dim=0).tolist() == [1, 0, 1]
    torch = torch_or_skip()
    t = torch.tensor(x.data)
    assert t.max(1).indices.tolist() == indices.tolist() and t.argmin(dim=1).tolist() == [0, 1]


def test_reduction_errors():
    x = mg.ones(2, 3)
    with pytest.raises(TypeError, match=r"max: dim must be one int.*max\(axis=\(0, 1\)\)"):
        x.max(dim=(0, 1))
    with pytest.raises(TypeError, match="sum: give dim= .* or axis= .*not both"):
        x.sum(0, axis=0)
    with pytest.raises(ValueError, match=r"var: 1 entries, but correction needs more than 1"):
        mg.ones(1).var()
    with pytest.raises(ValueError, match="norm: p must be 2, 'fro' or 1"):
        x.norm(p=3)
    with pytest.raises(FloatingPointError, match="backward of 'std'"):
        Tensor([2.0, 2.0], requires_grad=True).std().backward()   # d std / dx is 0/0 for equal entries
    with pytest.raises(ValueError, match=r"max: the tensor of shape \(0,\) has no entries"):
        mg.zeros(0).max()


# --- top-level functions --------------------------------------------------------------------------
def test_top_level_functions_are_the_methods():
    x = leaf((2, 3), 3, 0.5, 2)
    for name in ("exp", "log", "sqrt", "abs", "sin", "cos", "relu", "sigmoid", "tanh", "sum", "mean",
                 "var", "std", "norm", "t", "numel"):
        got, want = getattr(mg, name)(x), getattr(x, name)()
        assert np.array_equal(np.asarray(got.data if isinstance(got, Tensor) else got),
                              want.data if isinstance(want, Tensor) else want), name
    assert mg.max(x, 1).values.shape == (2,) and mg.sum(x, dim=1, keepdim=True).shape == (2, 1)
    assert mg.softmax(x, dim=0).shape == (2, 3) and mg.clamp(x, max=1.0).data.max() <= 1
    assert mg.matmul(x, x.T).shape == (2, 2) and mg.mm(x, x.T).shape == (2, 2) == x.matmul(x.T).shape
    assert mg.flatten(x).shape == (6,) and mg.transpose(x, 0, 1).shape == (3, 2)
    assert mg.cat([x, x], dim=1).shape == (2, 6) and mg.stack([x, x], dim=2).shape == (2, 3, 2)


@SETTINGS
@given(shapes=hnp.mutually_broadcastable_shapes(num_shapes=3, max_dims=3, max_side=3), seed=st.integers(0, 50))
def test_where_broadcasts_and_splits_the_gradient(shapes, seed):
    c_shape, a_shape, b_shape = shapes.input_shapes
    cond = Tensor(np.random.default_rng(seed).random(c_shape) > 0.5)
    a, b = leaf(a_shape, seed), leaf(b_shape, seed + 1)
    assert gradcheck(lambda x, y: mg.where(cond, x, y), a, b)


def test_where_matches_pytorch_and_refuses_a_non_bool_condition():
    x = leaf((3,), 4)
    assert np.array_equal(mg.where(x > 0, x, 0.0).data, np.where(x.data > 0, x.data, 0))
    with pytest.raises(TypeError, match="where: the condition must be a bool tensor"):
        mg.where(x, x, x)
    with pytest.raises(TypeError, match="cat: expects a list or tuple of tensors"):
        mg.cat(x)
    torch = torch_or_skip()
    t = torch.tensor(x.data, requires_grad=True)
    torch.where(t > 0, t * 2, t).sum().backward()
    mg.where(x > 0, x * 2, x).sum().backward()
    assert np.allclose(x.grad, t.grad.numpy())


# --- functional --------------------------------------------------------------------------------------
@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_losses_with_every_reduction_against_pytorch(reduction):
    rng = np.random.default_rng(5)
    logits, labels = rng.standard_normal((4, 3)), np.array([0, 2, 1, 2])
    pred, target = rng.standard_normal((4, 3)) * 2, rng.standard_normal((4, 3))
    probs = 1 / (1 + np.exp(-pred))
    bits = (rng.random((4, 3)) > 0.5).astype(float)
    cases = [
        ("cross_entropy", logits, labels), ("nll_loss", F.log_softmax(Tensor(logits), dim=1).data, labels),
        ("mse_loss", pred, target), ("smooth_l1_loss", pred, target),
        ("binary_cross_entropy", probs, bits), ("binary_cross_entropy_with_logits", pred, bits),
    ]
    for name, x, t in cases:
        ours = lambda v, name=name, t=t: getattr(F, name)(v, t, reduction=reduction)  # noqa: E731
        assert gradcheck(lambda v: ours(v) * 1.0, Tensor(x, dtype=np.float64, requires_grad=True)), name
        torch = pytest.importorskip("torch")
        tf = torch.nn.functional
        tx = torch.tensor(x, requires_grad=True)
        tt = torch.tensor(t)
        expect = getattr(tf, name)(tx, tt, reduction=reduction)
        got = ours(Tensor(x, dtype=np.float64, requires_grad=True))
        assert got.shape == tuple(expect.shape) and np.allclose(got.data, expect.detach().numpy()), name


def test_functional_dim_arguments_and_loss_errors():
    x = leaf((2, 3), 6)
    assert np.allclose(F.softmax(x, dim=0).data.sum(axis=0), 1) and F.log_softmax(x, axis=1).shape == (2, 3)
    with pytest.raises(ValueError, match="mse_loss: reduction must be 'mean', 'sum' or 'none'"):
        F.mse_loss(x, x.data, reduction="max")
    with pytest.raises(ValueError, match=r"nll_loss: expected scores \(N, C\) and targets \(N,\)"):
        F.nll_loss(x, [0, 1, 2])
    with pytest.raises(ValueError, match="smooth_l1_loss: beta must be > 0"):
        F.smooth_l1_loss(x, x.data, beta=0)
    assert np.allclose(F.smooth_l1_loss(x, x.data * 0, beta=2.0).item(),
                       np.mean(np.where(np.abs(x.data) < 2, 0.25 * x.data ** 2, np.abs(x.data) - 1)))
