"""Correctness bugs that failed silently (issue 18): each is now right or a clear error."""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import minigrad as mg
import minigrad.functional as F
from minigrad import Tensor, gradcheck, no_grad

SETTINGS = settings(max_examples=25, deadline=None)
# No numpy RuntimeWarning may escape an operation: it would be an unreported inf or nan.
pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")


def leaf(shape, seed=0, low=-2.0, high=2.0):
    return Tensor(np.random.default_rng(seed).uniform(low, high, size=shape), requires_grad=True)


# --- B1: permutations with negative axes ------------------------------------------------------
@SETTINGS
@given(shape=hnp.array_shapes(min_dims=1, max_dims=4, max_side=3), data=st.data())
def test_permute_with_negative_dims(shape, data):
    axes = data.draw(st.permutations(range(len(shape))))
    axes = tuple(a - len(shape) if data.draw(st.booleans()) else a for a in axes)
    x = leaf(shape)
    assert x.permute(axes).shape == x.data.transpose(axes).shape
    assert gradcheck(lambda t: t.permute(axes) * leaf(x.data.transpose(axes).shape, 1), x)


def test_permute_and_transpose_with_negative_dims_match_pytorch():
    torch = pytest.importorskip("torch")
    data = np.random.default_rng(0).standard_normal((2, 3, 4))
    x, t = Tensor(data, requires_grad=True), torch.tensor(data, requires_grad=True)
    w = np.random.default_rng(1).standard_normal((4, 2, 3))
    (x.permute(-1, 0, 1) * w).sum().backward()
    (t.permute(-1, 0, 1) * torch.tensor(w)).sum().backward()
    assert np.allclose(x.grad, t.grad.numpy())
    assert np.array_equal(x.transpose(-1, 0).data, t.transpose(-1, 0).detach().numpy())


# --- B2: powers at zero -----------------------------------------------------------------------
@pytest.mark.parametrize("n", [0, 1, 2, 3, 0.0, 2.0])
def test_the_gradient_of_a_power_at_zero_is_finite(n):
    x = Tensor([0.0, 1.5, -2.0], dtype=np.float64, requires_grad=True)
    (x ** n).sum().backward()
    assert np.array_equal(x.grad, n * np.array([0.0, 1.5, -2.0]) ** (n - 1) if n else np.zeros(3))
    torch = pytest.importorskip("torch")
    t = torch.tensor([0.0, 1.5, -2.0], dtype=torch.float64, requires_grad=True)
    (t ** n).sum().backward()
    assert np.allclose(x.grad, t.grad.numpy())


def test_an_infinite_gradient_of_a_power_is_a_clear_error():
    x = Tensor([0.0, 1.0], requires_grad=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(FloatingPointError, match=r"backward of '\*\*0.5'.*divide by zero"):
            (x ** 0.5).sum().backward()


# --- B3: integers give float32, as in PyTorch -------------------------------------------------
@pytest.mark.parametrize("name,fn", [
    ("div", lambda t: t / 2), ("rdiv", lambda t: 1 / t), ("int/int", lambda t: t / t),
    ("pow float", lambda t: t ** 0.5), ("exp", lambda t: t.exp()), ("log", lambda t: t.log()),
    ("sigmoid", lambda t: t.sigmoid()), ("tanh", lambda t: t.tanh()), ("mean", lambda t: t.mean()),
    ("softmax", lambda t: t.softmax(-1)), ("log_softmax", lambda t: t.log_softmax(-1)),
    ("int*float tensor", lambda t: t * Tensor([0.5, 0.5, 0.5])),
    ("float tensor+int", lambda t: Tensor([0.5, 0.5, 0.5]) + t),
])
def test_integer_tensors_promote_to_float32(name, fn):
    out = fn(Tensor([1, 2, 3]))
    assert out.dtype == np.float32, name
    if "tensor" in name:
        return
    torch = pytest.importorskip("torch")
    assert str(fn(_Torch(torch.tensor([1, 2, 3]))).dtype) == "torch.float32"


class _Torch:
    """A torch tensor behind minigrad's method names, to run the same lambdas on both."""

    def __init__(self, t):
        self.t = t

    def __getattr__(self, name):
        return getattr(self.t, name)

    def softmax(self, dim):
        return self.t.float().softmax(dim)  # torch's softmax refuses integers outright

    def log_softmax(self, dim):
        return self.t.float().log_softmax(dim)

    def mean(self):
        return self.t.float().mean()        # torch's mean refuses integers too

    def __truediv__(self, o):
        return self.t / (o.t if isinstance(o, _Torch) else o)

    def __rtruediv__(self, o):
        return o / self.t

    def __pow__(self, n):
        return self.t ** n



def test_integer_to_a_negative_power_is_refused_as_in_pytorch():
    with pytest.raises(ValueError, match=r"\*\* -1: integer tensors .*negative power"):
        Tensor([1, 2]) ** -1
    assert (Tensor([1, 2]) ** 2).dtype == np.int64


# --- B4: repeated indices inside tuples -------------------------------------------------------
@pytest.mark.parametrize("index", [
    (np.array([0, 0]), np.array([1, 1])), ([0, 0], [1, 1]), ((0, 0),), ([0, 0],),
    (Tensor([0, 0]), slice(None)), (slice(None), [1, 1, 2]), np.array([[0, 0], [1, 1]]),
])
def test_repeated_indices_in_a_tuple_add_their_gradients(index):
    x = leaf((3, 4))
    out = x[index]
    assert gradcheck(lambda t: t[index] * leaf(out.shape, 5), x)
    torch = pytest.importorskip("torch")
    t = torch.tensor(x.data, requires_grad=True)
    tidx = tuple(torch.tensor(i.data) if isinstance(i, Tensor) else i for i in index) \
        if isinstance(index, tuple) else index
    t[tidx].sum().backward()
    x.grad = None
    x[index].sum().backward()
    assert np.array_equal(x.grad, t.grad.numpy())


def test_an_index_where_numpy_and_pytorch_disagree_is_refused():
    x = leaf((2, 3, 4))
    with pytest.raises(IndexError, match=r"numpy, not in PyTorch.*two steps"):
        x[0, :, [0, 1]]
    assert x[[0, 1], :, [0, 1]].shape == (2, 3)  # the same in both: allowed
    assert x[0][:, [0, 1]].shape == (3, 2)
    with pytest.raises(IndexError, match=r"list of lists.*x\[rows, cols\]"):
        x[[[0, 0], [1, 1]]]


# --- B5: no RuntimeWarning from any op --------------------------------------------------------
HAZARDS = [
    ("exp overflow", lambda: Tensor([100.0]).exp(), OverflowError),
    ("mul overflow", lambda: Tensor([3e38]) * 10, OverflowError),
    ("add overflow", lambda: Tensor([3e38]) + Tensor([3e38]), OverflowError),
    ("inf - inf", lambda: Tensor([np.inf]) - Tensor([np.inf]), FloatingPointError),
    ("0 * inf", lambda: Tensor([0.0]) * np.inf, FloatingPointError),
    ("tiny divisor", lambda: Tensor([1e30]) / Tensor([1e-30]), OverflowError),
    ("pow overflow", lambda: Tensor([1e20]) ** 3, OverflowError),
    ("cast overflow", lambda: Tensor(np.array([1e300])).float(), OverflowError),
    ("float too big", lambda: Tensor([1e300]), OverflowError),
    ("softmax inf", lambda: Tensor([np.inf, 1.0]).softmax(-1), ValueError),
    ("log_softmax -inf row", lambda: Tensor([-np.inf, -np.inf]).log_softmax(-1), ValueError),
    ("cross_entropy inf", lambda: F.cross_entropy(Tensor([[np.inf, 0.0]]), [0]), ValueError),
    ("mean of nothing", lambda: Tensor(np.zeros((0, 3))).mean(axis=0), ValueError),
    ("log 0", lambda: Tensor([0.0]).log(), ValueError),
    ("divide by 0", lambda: Tensor([1.0]) / 0, ZeroDivisionError),
    ("sigmoid huge", lambda: Tensor([-1e4, 1e4]).sigmoid(), None),
    ("tanh huge", lambda: Tensor([-1e4, 1e4]).tanh(), None),
    ("bce logits huge", lambda: F.binary_cross_entropy_with_logits(Tensor([-1e4, 1e4]), [1.0, 0.0]), None),
    ("log_softmax -inf entry", lambda: Tensor([-np.inf, 0.0]).log_softmax(-1), None),
    ("compare nan", lambda: Tensor([np.nan]) < 1, None),
    ("tiny divisor backward", lambda: _backward(lambda x: Tensor([1e-30]) / x, [1e-30]), None),
    ("log backward tiny", lambda: _backward(lambda x: x.log(), [1e-45]), OverflowError),
]


def _backward(fn, values):
    x = Tensor(values, requires_grad=True)
    fn(x).sum().backward()
    return x.grad


@pytest.mark.parametrize("name,call,error", HAZARDS, ids=[h[0] for h in HAZARDS])
def test_no_numpy_warning_leaks(name, call, error):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        if error is None:
            out = call()
            if out.dtype.kind == "f":
                assert np.all(np.isfinite(out.data) | np.isinf(out.data) & (name.endswith("entry")))
        else:
            with pytest.raises(error):
                call()


# --- B6: comparisons, truth, in-place updates, .grad ------------------------------------------
def test_comparisons_give_bool_tensors_without_grad_and_nodes_stay_hashable():
    x = Tensor([1.0, 2.0, 3.0], requires_grad=True)
    for got, want in [(x == 2, [0, 1, 0]), (x != 2, [1, 0, 1]), (x < 2, [1, 0, 0]),
                      (x <= 2, [1, 1, 0]), (x > 2, [0, 0, 1]), (x >= 2, [0, 1, 1]),
                      (x.eq(x), [1, 1, 1]), (2 < x, [0, 0, 1]), (np.array([1, 1, 1]) == x, [1, 0, 0])]:
        assert isinstance(got, Tensor) and got.dtype == np.bool_ and not got.requires_grad
        assert np.array_equal(got.data, want)
    assert len({x, x, Tensor([1.0, 2.0, 3.0])}) == 2
    (x * 2).sum().backward()
    assert bool((x.grad == 2).all())


def test_bool_follows_pytorch():
    assert bool(Tensor([3.0])) and not bool(Tensor(0.0))
    with pytest.raises(RuntimeError, match="ambiguous"):
        bool(Tensor([1.0, 2.0]))
    if Tensor(1.0) > 0:
        pass


def test_in_place_updates_under_no_grad_change_the_array_itself():
    p = Tensor([1.0, 2.0], requires_grad=True)
    (p * p).sum().backward()
    array = p.data
    with no_grad():
        p -= 0.1 * p.grad
    assert p.data is array and np.allclose(p.data, [0.8, 1.6])
    with no_grad():
        p.add_(1.0).mul_(2.0).sub_(Tensor([1.0, 1.0]), alpha=2).clamp_(max=3.0)
        p.copy_(p * 0 + 5).fill_(4.0)
        p += 1
        p /= 5
        p *= 2
    assert p.data is array and np.allclose(p.data, [2.0, 2.0])
    p.grad.zero_()
    assert np.array_equal(p.grad, [0, 0])
    q = Tensor([1.0, 2.0])      # no grad required: in place anywhere
    q += 1
    assert np.array_equal(q.data, [2.0, 3.0])


@pytest.mark.parametrize("update", [
    lambda p: p.__isub__(1.0), lambda p: p.__iadd__(1.0), lambda p: p.__imul__(2.0),
    lambda p: p.__itruediv__(2.0), lambda p: p.zero_(), lambda p: p.add_(1.0),
    lambda p: p.sub_(1.0), lambda p: p.mul_(2.0), lambda p: p.copy_(Tensor([0.0, 0.0])),
    lambda p: p.fill_(1.0), lambda p: p.clamp_(0.0, 1.0),
])
def test_in_place_on_a_tensor_that_requires_grad_while_recording_is_refused(update):
    p = Tensor([1.0, 2.0], requires_grad=True)
    with pytest.raises(RuntimeError, match=r"shape \(2,\).*requires grad.*in-place.*no_grad"):
        update(p)
    assert np.array_equal(p.data, [1.0, 2.0])


def test_in_place_errors_name_the_op_and_shape():
    with pytest.raises(ValueError, match=r"add_: .*shape \(2,\)"):
        Tensor([1.0, 2.0]).add_(Tensor([1.0, 2.0, 3.0]))
    with pytest.raises(TypeError, match=r"div_: .*int64"):
        Tensor([1, 2]).div_(2)
    with pytest.raises(TypeError, match="only floating-point"):
        Tensor([1, 2]).requires_grad_()
    with pytest.raises(RuntimeError, match="leaf"):
        (leaf((2,)) * 2).requires_grad_(False)
    x = Tensor([1.0]).requires_grad_()
    assert x.requires_grad


def test_accumulating_a_loss_in_place_records_it():
    w = Tensor([1.0, 2.0], requires_grad=True)
    total = Tensor(0.0)
    for _ in range(3):
        total += (w * w).sum()
    total.backward()
    assert np.allclose(w.grad, 3 * 2 * w.data)


def test_grad_is_a_tensor_backed_by_the_engines_array():
    x = Tensor([1.0, 2.0], requires_grad=True)
    (2 * x * x).sum().backward()
    assert isinstance(x.grad, Tensor) and bool((x.grad == 4 * x).all())
    assert np.asarray(x.grad) is x.grad.data and x.grad.data is np.asarray(x.grad)
    assert float(x.grad[1]) == 8.0 and f"{x.grad[0]:.1f}" == "4.0"
    x.grad = np.array([1.0, 1.0])
    assert np.array_equal(x.grad, [1.0, 1.0])
    with pytest.raises(ValueError, match=r"grad: .*\(3,\).*\(2,\)"):
        x.grad = np.zeros(3)
    buffer = np.zeros(2, dtype=np.float32)
    buffer -= x.grad            # numpy in place with a tensor: stays numpy, in place
    assert np.array_equal(buffer, [-1, -1])


def test_grad_mode_functions():
    assert mg.is_grad_enabled()
    with mg.set_grad_enabled(False):
        assert not mg.is_grad_enabled() and not (leaf((2,)) * 2).requires_grad
    assert mg.is_grad_enabled()

    @no_grad()
    def evaluate(t):
        return t * 2
    assert not evaluate(leaf((2,))).requires_grad and mg.is_grad_enabled()
    mg.set_grad_enabled(False)
    assert not mg.is_grad_enabled()
    mg.set_grad_enabled(True)
    assert mg.is_grad_enabled()


def test_conv2d_checks_its_pairs_with_a_public_helper():
    from minigrad.shapes import pair
    assert pair(3) == (3, 3) and pair((2, 1), least=1) == (2, 1)
    with pytest.raises(ValueError, match=r"Conv2d: stride must be an integer ≥ 1"):
        mg.nn.Conv2d(1, 1, 3, stride=0)


def test_item_assignment_follows_the_in_place_rule():
    x = mg.zeros(2, 3)
    x[0, Tensor([1, 2])] = 5.0
    x[1] = Tensor([1.0, 2.0, 3.0])
    assert np.array_equal(x.data, [[0, 5, 5], [1, 2, 3]])
    p = Tensor([1.0, 2.0], requires_grad=True)
    with pytest.raises(RuntimeError, match=r"x\[index\] = value: .*requires grad"):
        p[0] = 3.0
    with no_grad():
        p[0] = 3.0
    assert p.data[0] == 3.0
    with pytest.raises(IndexError, match=r"x\[index\] = value: index 5 .*shape \(2, 3\)"):
        x[0, 5] = 1.0


def test_numpy_operands_keep_the_tensors_dtype_and_the_graph():
    x = Tensor([1.0, 2.0], requires_grad=True)
    for out in (np.float64(2.0) * x, x * np.float64(2.0), np.float32(1) + x):
        assert out.dtype == np.float32 and out.requires_grad
    y = np.array([3.0, 4.0]) - x          # numpy's operator, the Tensor's reflected operation
    assert isinstance(y, Tensor) and y.requires_grad
    y.sum().backward()
    assert np.array_equal(x.grad, [-1, -1])


def test_the_from_op_docstring_example_adds_a_correct_sin():
    def sin(x: Tensor) -> Tensor:
        a = x.data
        return Tensor.from_op(np.sin(a), (x,), lambda g: (g * np.cos(a),), "sin")
    assert "Tensor.from_op(np.sin(a), (x,), lambda g: (g * np.cos(a),), \"sin\")" in Tensor.from_op.__doc__
    assert gradcheck(lambda t: sin(t) * t, leaf((3, 2), 7))
