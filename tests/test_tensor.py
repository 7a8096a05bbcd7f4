"""The tensor engine: every operation against float64 finite differences, on random shapes."""

import gc
import tracemalloc

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import minigrad as mg
from minigrad import Tensor, gradcheck, no_grad

SETTINGS = settings(max_examples=25, deadline=None)
# No numpy RuntimeWarning may escape an operation: it would be an unreported inf or nan.
pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")


def leaf(shape, seed=0, low=-2.0, high=2.0):
    rng = np.random.default_rng(seed)
    return Tensor(rng.uniform(low, high, size=shape), requires_grad=True)


small_shapes = hnp.array_shapes(min_dims=0, max_dims=3, min_side=1, max_side=4)


@st.composite
def broadcast_pair(draw):
    shapes = draw(hnp.mutually_broadcastable_shapes(num_shapes=2, max_dims=3, max_side=4))
    return shapes.input_shapes


@pytest.mark.parametrize("op", ["+", "-", "*", "/"])
@SETTINGS
@given(shapes=broadcast_pair(), seed=st.integers(0, 100))
def test_arithmetic_broadcasts_and_unbroadcasts(op, shapes, seed):
    a = leaf(shapes[0], seed)
    b = leaf(shapes[1], seed + 1, 0.5, 2.0)   # away from zero for division
    fn = {"+": lambda x, y: x + y, "-": lambda x, y: x - y,
          "*": lambda x, y: x * y, "/": lambda x, y: x / y}[op]
    out = fn(a, b)
    assert np.allclose(out.data, fn(a.data, b.data))
    assert gradcheck(fn, a, b)


def test_known_broadcast_shapes_from_the_issue():
    assert gradcheck(lambda x, y: x * y + y, leaf((3, 1, 4)), leaf((5, 4), 1))
    assert gradcheck(lambda x: 2.0 * x - 1.0 / (x * x + 1.0) + (3 - x), leaf((2, 3)))


@pytest.mark.parametrize("name,fn,low,high", [
    ("exp", lambda x: x.exp(), -2, 2),
    ("log", lambda x: x.log(), 0.2, 3),
    ("relu", lambda x: x.relu(), 0.1, 2),          # away from the kink at 0
    ("relu-neg", lambda x: x.relu(), -2, -0.1),
    ("sigmoid", lambda x: x.sigmoid(), -3, 3),
    ("tanh", lambda x: x.tanh(), -3, 3),
    ("pow2", lambda x: x ** 2, -2, 2),
    ("pow-1.5", lambda x: x ** -1.5, 0.3, 2),
    ("neg", lambda x: -x, -2, 2),
    ("softmax", lambda x: x.softmax() * x, -3, 3),
    ("softmax0", lambda x: x.softmax(axis=0) * x, -3, 3),
    ("log_softmax", lambda x: x.log_softmax() * x, -3, 3),
])
@SETTINGS
@given(shape=hnp.array_shapes(min_dims=1, max_dims=3, max_side=4), seed=st.integers(0, 100))
def test_elementwise_functions(name, fn, low, high, shape, seed):
    assert gradcheck(fn, leaf(shape, seed, low, high))


@st.composite
def shape_and_axis(draw):
    shape = draw(hnp.array_shapes(min_dims=1, max_dims=3, max_side=4))
    axes = draw(st.one_of(st.none(), st.integers(-len(shape), len(shape) - 1),
                          st.lists(st.integers(0, len(shape) - 1), min_size=1, unique=True).map(tuple)))
    return shape, axes, draw(st.booleans())


@pytest.mark.parametrize("reduction", ["sum", "mean", "max"])
@SETTINGS
@given(case=shape_and_axis(), seed=st.integers(0, 100))
def test_reductions_every_axis_and_keepdims(reduction, case, seed):
    shape, axis, keepdims = case
    x = leaf(shape, seed)
    out = getattr(x, reduction)(axis=axis, keepdims=keepdims)
    assert out.shape == getattr(np, reduction)(x.data, axis=axis, keepdims=keepdims).shape
    assert gradcheck(lambda t: getattr(t, reduction)(axis=axis, keepdims=keepdims) * 1.5, x)


def test_max_sends_the_gradient_of_a_tie_to_the_first_maximum_like_max_pool2d():
    x = Tensor([[1.0, 3.0, 3.0], [2.0, 0.0, 1.0]], requires_grad=True)
    x.max(axis=1).sum().backward()
    assert np.array_equal(x.grad, [[0, 1, 0], [1, 0, 0]])
    x.grad = None
    x.max().backward()  # all axes: the first maximum in row-major order
    assert np.array_equal(x.grad, [[0, 1, 0], [0, 0, 0]])
    cube = Tensor(np.ones((2, 2, 2)), requires_grad=True)
    cube.max(axis=(0, 2)).sum().backward()
    assert np.array_equal(cube.grad, [[[1, 0], [1, 0]], [[0, 0], [0, 0]]])
    window = Tensor(np.ones((1, 1, 2, 2)), requires_grad=True)  # the same rule as max-pooling
    mg.functional.max_pool2d(window, 2).sum().backward()
    assert np.array_equal(window.grad[0, 0], [[1, 0], [0, 0]])


def test_max_ties_match_pytorch_max_with_dim():
    torch = pytest.importorskip("torch")
    data = np.array([[1.0, 3.0, 3.0], [2.0, 2.0, 1.0]])
    x, t = Tensor(data, requires_grad=True), torch.tensor(data, requires_grad=True)
    x.max(axis=1).sum().backward()
    t.max(dim=1).values.sum().backward()
    assert np.array_equal(x.grad, t.grad.numpy())


@st.composite
def matmul_shapes(draw):
    """1-D operands, matrices, and stacks of them whose batch axes broadcast ((2, 1) with (3,))."""
    n, k, m = draw(st.integers(1, 4)), draw(st.integers(1, 4)), draw(st.integers(1, 4))
    batches = draw(hnp.mutually_broadcastable_shapes(num_shapes=2, max_dims=2, max_side=3))
    batch_a, batch_b = batches.input_shapes
    sa = (k,) if draw(st.booleans()) else batch_a + (n, k)
    sb = (k,) if draw(st.booleans()) else batch_b + (k, m)
    return sa, sb


@SETTINGS
@given(shapes=matmul_shapes(), seed=st.integers(0, 100))
def test_matmul_all_ranks_and_batches(shapes, seed):
    a, b = leaf(shapes[0], seed), leaf(shapes[1], seed + 1)
    assert np.allclose((a @ b).data, a.data @ b.data)
    assert gradcheck(lambda x, y: x @ y, a, b)


@SETTINGS
@given(shape=hnp.array_shapes(min_dims=1, max_dims=4, max_side=3), data=st.data())
def test_reshape_transpose_flatten(shape, data):
    x = leaf(shape, len(shape))
    axes = tuple(data.draw(st.permutations(range(len(shape))), label="axes"))
    new_shape = list(data.draw(st.permutations(shape), label="new_shape"))
    new_shape[data.draw(st.integers(0, len(shape) - 1), label="inferred")] = -1
    start = data.draw(st.integers(-len(shape), len(shape) - 1), label="start_dim")
    assert x.permute(*axes).shape == x.data.transpose(axes).shape
    assert x.reshape(new_shape).shape == x.data.reshape(new_shape).shape
    assert x.flatten(start).shape == x.shape[:start] + (int(np.prod(x.shape[start:])),)
    assert gradcheck(lambda t: t.permute(axes) * leaf(x.data.transpose(axes).shape, 1), x)
    assert gradcheck(lambda t: t.reshape(new_shape) * leaf(x.data.reshape(new_shape).shape, 2), x)
    assert gradcheck(lambda t: t.flatten(start) * 3, x)


@st.composite
def shape_and_index(draw):
    """Basic indices (ints, slices, ...), or integer arrays, which repeat entries often."""
    shape = draw(hnp.array_shapes(min_dims=1, max_dims=3, max_side=4))
    arrays = hnp.integer_array_indices(shape, result_shape=hnp.array_shapes(max_dims=2, max_side=5))
    first_axis = st.lists(st.integers(-shape[0], shape[0] - 1), min_size=1, max_size=6)
    return shape, draw(st.one_of(hnp.basic_indices(shape), arrays, first_axis))


@SETTINGS
@given(case=shape_and_index(), seed=st.integers(0, 100))
def test_indexing_scatters_gradients_with_repeats(case, seed):
    shape, index = case
    x = leaf(shape, seed)
    assert np.array_equal(x[index].data, x.data[np.asarray(index) if isinstance(index, list) else index])
    assert gradcheck(lambda t: t[index] * leaf(x[index].shape, seed + 1), x)


def test_indexing_mixed_with_slices():
    x = leaf((2, 3, 4))
    assert gradcheck(lambda t: t[(slice(None), np.array([2, 0, 2]), slice(0, 3, 2))] * 2, x)


def test_repeated_index_accumulates():
    x = Tensor([1.0, 2.0, 3.0], requires_grad=True)
    x[[0, 0, 2, 0]].sum().backward()
    assert np.array_equal(x.grad, [3, 0, 1])
    x.grad = None
    x[np.array([[2, -1], [0, -3]])].sum().backward()   # -1 is row 2, -3 row 0: they add up too
    assert np.array_equal(x.grad, [2, 0, 2])
    rows = Tensor(np.arange(6.0).reshape(3, 2), requires_grad=True)
    (rows[np.array([1, 1, -1])] * Tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])).sum().backward()
    assert np.array_equal(rows.grad, [[0, 0], [4, 6], [5, 6]])


@SETTINGS
@given(shape=hnp.array_shapes(min_dims=1, max_dims=3, max_side=3),
       sizes=st.lists(st.integers(1, 3), min_size=1, max_size=3), data=st.data())
def test_cat_and_stack(shape, sizes, data):
    axis = data.draw(st.integers(-len(shape), len(shape) - 1), label="cat axis")
    a = axis % len(shape)
    pieces = [leaf(shape[:a] + (n,) + shape[a + 1:], i) for i, n in enumerate(sizes)]
    weights = leaf(np.concatenate([p.data for p in pieces], axis=axis).shape, 9)
    assert gradcheck(lambda *ts: mg.cat(ts, axis=axis) * weights, *pieces)
    axis = data.draw(st.integers(-len(shape) - 1, len(shape)), label="stack axis")
    same = [leaf(shape, i) for i in range(len(sizes))]
    stacked = np.stack([t.data for t in same], axis=axis)
    assert np.array_equal(mg.stack(same, axis=axis).data, stacked)
    assert gradcheck(lambda *ts: mg.stack(ts, axis=axis) * leaf(stacked.shape, 8), *same)


def test_same_tensor_used_twice_and_diamond():
    x = leaf((3,))
    assert gradcheck(lambda t: t * t + t, x)
    assert gradcheck(lambda t: (t.exp() * t.tanh()).sum() * t, x)


def test_leaf_gradients_are_their_own_writable_arrays():
    # A leaf may keep a new gradient array without a copy (the engine's fast path), but never
    # one that another leaf, another path of the graph or the seed also holds.
    a, b, w = leaf((2, 3)), leaf((2, 3), 1), leaf((4, 3), 2)
    x = a + b                                     # (g, g): the same array for both parents
    (mg.functional.linear(x, w) * 2).sum().backward()
    grads = [a.grad.data, b.grad.data, w.grad.data]
    assert all(g.flags.writeable and g.flags.owndata for g in grads)
    assert not np.shares_memory(a.grad, b.grad)
    before = b.grad.clone()
    a.grad += 1.0                                 # a learner's in-place edit touches only a
    assert np.array_equal(b.grad, before)
    c = leaf((3,), 3)
    (c + c).sum().backward()                      # one leaf, both parents: accumulated, not aliased
    assert np.array_equal(c.grad, [2.0, 2.0, 2.0])


def test_dtypes():
    assert Tensor(1.5).dtype == np.float32
    assert Tensor([[1, 2]]).dtype == np.int64
    assert Tensor([1.0, 2.0]).dtype == np.float32
    assert Tensor(np.zeros(2)).dtype == np.float64
    t = Tensor([1.0, 2.0], requires_grad=True)
    assert (t * 2.5 + 1).dtype == np.float32          # Python numbers keep float32
    assert (Tensor(np.ones(2)) * 2.5).dtype == np.float64
    with pytest.raises(TypeError, match="int64"):
        Tensor([1, 2], requires_grad=True)


@pytest.mark.parametrize("fn,expect", [
    (lambda i: i * 0.5, [0.5, 1.0]),
    (lambda i: 0.5 * i, [0.5, 1.0]),
    (lambda i: i + 0.5, [1.5, 2.5]),
    (lambda i: 0.5 - i, [-0.5, -1.5]),
    (lambda i: i / 0.5, [2.0, 4.0]),
    (lambda i: 3.0 / i, [3.0, 1.5]),
])
def test_a_python_float_with_an_integer_tensor_gives_float32_not_truncation(fn, expect):
    out = fn(Tensor([1, 2]))
    assert out.dtype == np.float32 and np.array_equal(out.data, expect)


def test_integers_with_an_integer_tensor_stay_integer():
    i = Tensor([1, 2])
    assert (i * 3).dtype == np.int64 and np.array_equal((i * 3).data, [3, 6])
    assert (10 - i).dtype == np.int64 and np.array_equal((10 - i).data, [9, 8])
    assert (Tensor(np.array([1, 2], dtype=np.int32)) + 1).dtype == np.int32
    assert np.array_equal((Tensor([True, False]) + 1).data, [2, 1])     # not a bool True


def test_helpers_and_repr():
    t = Tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
    assert t.shape == (2, 2) and t.ndim == 2 and len(t) == 2 and t.numel() == 4
    assert t.sum().item() == 10.0
    assert t.detach().requires_grad is False
    assert t.numpy() is t.data
    assert "requires_grad=True" in repr(t) and "Tensor(" in repr(t)
    with pytest.raises(ValueError, match=r"\(2, 2\)"):
        t.item()


def test_backward_rules():
    t = Tensor([1.0, 2.0], requires_grad=True)
    with pytest.raises(RuntimeError, match=r"shape \(2,\)"):
        (t * 2).backward()
    (t * 2).backward(np.array([1.0, 10.0]))
    (t * 2).backward(np.array([1.0, 10.0]))
    assert np.array_equal(t.grad, [4.0, 40.0])        # accumulates across calls
    loss = (t * t).sum()
    loss.backward()
    with pytest.raises(RuntimeError, match="retain_graph"):
        loss.backward()
    t.grad = None
    loss = (t * t).sum()
    loss.backward(retain_graph=True)
    loss.backward()
    assert np.array_equal(t.grad, [4.0, 8.0])


def test_backward_through_a_freed_part_of_the_graph_raises():
    x = Tensor([1.0, 2.0], requires_grad=True)
    h = x * 2
    l1, l2 = h.sum(), (h * h).sum()
    l1.backward()                       # frees h's link to x: h would pass for a constant
    with pytest.raises(RuntimeError, match=r"through '\*' \(shape \(2,\)\).*retain_graph=True"):
        l2.backward()
    x.grad = None
    h = x * 2
    l1, l2 = h.sum(), (h * h).sum()
    l1.backward(retain_graph=True)
    l2.backward()
    assert np.array_equal(x.grad, [2 + 8 * 1.0, 2 + 8 * 2.0])    # d(2x)/dx + d(4x²)/dx


def test_the_engine_sums_a_broadcast_gradient_back_to_its_input():
    a, b = leaf((3, 4)), leaf((4,), 1)
    # b was broadcast along the rows; the backward returns gradients of the broadcast shape
    out = Tensor.from_op(a.data * b.data, (a, b), lambda g: (g * b.data, g * a.data), "mul")
    out.sum().backward()
    assert b.grad.shape == (4,) and np.allclose(b.grad, a.data.sum(axis=0))
    assert gradcheck(lambda x, y: Tensor.from_op(x.data * y.data, (x, y),
                                                 lambda g: (g * y.data, g * x.data), "mul"), a, b)


def test_a_backward_returning_a_gradient_of_the_wrong_shape_is_named():
    a, b = leaf((3, 4)), leaf((3,), 1)
    out = Tensor.from_op(a.data * 2, (a, b), lambda g: (2 * g, g), "wrong_shape")
    with pytest.raises(ValueError, match=r"backward of 'wrong_shape'.*input 1.*\(3, 4\).*\(3,\)"):
        out.sum().backward()


def test_no_grad_records_nothing():
    w = Tensor([1.0, 2.0], requires_grad=True)
    with no_grad():
        y = (w * 3).exp().sum()
    assert not y.requires_grad and y._parents == ()
    assert (w * 3).requires_grad            # recording resumes afterwards


def test_errors_name_operation_and_shapes():
    a, b = Tensor(np.ones((3, 4))), Tensor(np.ones((5, 2)))
    with pytest.raises(ValueError, match=r"matmul.*\(3, 4\).*\(5, 2\)"):
        a @ b
    with pytest.raises(ValueError, match=r"\+.*\(3, 4\).*\(5, 2\)"):
        a + b
    with pytest.raises(ValueError, match=r"reshape.*\(3, 4\)"):
        a.reshape(5, 3)
    with pytest.raises(ValueError, match="log"):
        Tensor([1.0, -1.0]).log()
    with pytest.raises(TypeError, match="str"):
        a + "x"
    with pytest.raises(ValueError, match="stack"):
        mg.stack([a, b])


@pytest.mark.parametrize("call,pattern", [
    (lambda t: t.transpose(0, 2), r"transpose: dim 2.*\(3, 4\)"),
    (lambda t: t.permute(0, 2), r"permute: dim \(0, 2\).*\(3, 4\)"),
    (lambda t: t.permute(0), r"permute: dim \(0,\).*\(3, 4\) \(2 dims; each of them once\)"),
    (lambda t: t.permute(1, 1), r"permute: dim \(1, 1\).*\(3, 4\)"),
    (lambda t: t.sum(axis=2), r"sum: dim 2.*\(3, 4\)"),
    (lambda t: t.sum(dim=2), r"sum: dim 2.*\(3, 4\)"),
    (lambda t: t.mean(axis=(0, -2)), r"mean: dim \(0, -2\).*\(3, 4\)"),
    (lambda t: t.max(axis=-3), r"max: dim -3.*\(3, 4\)"),
    (lambda t: t.max(-3), r"max: dim -3.*\(3, 4\)"),
    (lambda t: t.softmax(axis=2), r"softmax: dim 2.*\(3, 4\)"),
    (lambda t: t.log_softmax(dim=5), r"log_softmax: dim 5.*\(3, 4\)"),
    (lambda t: t.squeeze(2), r"squeeze: dim 2.*\(3, 4\)"),
    (lambda t: t.unsqueeze(3), r"unsqueeze: dim 3.*\(3, 4, 1\)"),
    (lambda t: mg.stack([t, t], axis=4), r"stack: dim 4.*\(2, 3, 4\)"),
])
def test_axis_errors_name_the_operation_and_the_shape(call, pattern):
    with pytest.raises(np.exceptions.AxisError, match=pattern):
        call(Tensor(np.ones((3, 4))))


def test_reshape_takes_numpy_integers_and_refuses_fractions():
    t = Tensor(np.arange(6.0))
    assert t.reshape(np.int64(6)).shape == (6,)
    assert t.reshape(np.int64(2), 3).shape == (2, 3)
    assert t.reshape(np.array([3, 2])).shape == (3, 2)
    with pytest.raises(TypeError, match=r"reshape: .*integers.*2\.5"):
        t.reshape(2.5, 2)


def test_flatten_refuses_a_start_dim_the_tensor_does_not_have():
    with pytest.raises(ValueError, match=r"flatten: start_dim 1 .*\(4,\).*start_dim ≤ end_dim"):
        mg.ones(4).flatten(1)
    with pytest.raises(ValueError, match=r"flatten: start_dim -3 .*\(2, 3\)"):
        mg.ones(2, 3).flatten(-3)
    with pytest.raises(ValueError, match=r"flatten: start_dim 2 and end_dim 1"):
        mg.ones(2, 3, 4).flatten(2, 1)
    assert mg.ones(4).flatten().shape == (4,) and mg.ones(2, 3, 4).flatten().shape == (24,)
    assert mg.ones(2, 3, 4, 5).flatten(1, 2).shape == (2, 12, 5)
    assert mg.ones(4).flatten(0).shape == (4,) and Tensor(2.0).flatten(0).shape == (1,)
    assert mg.ones(2, 3, 4).flatten(-1).shape == (2, 3, 4)


def test_no_silent_infinities():
    with pytest.raises(ZeroDivisionError, match=r"divisor \(shape \(3,\)\) has 1 zero"):
        Tensor([1.0, 2.0, 3.0]) / Tensor([1.0, 0.0, 2.0])
    with pytest.raises(ZeroDivisionError):
        1.0 / Tensor([0.0])
    with pytest.raises(OverflowError, match="exp.*float32.*100"):
        Tensor([1.0, 100.0]).exp()
    assert np.isfinite(Tensor(np.array([700.0])).exp().data).all()   # float64 goes further


def test_memory_stays_flat_over_many_steps():
    rng = np.random.default_rng(0)
    w1 = Tensor(rng.standard_normal((8, 16)).astype(np.float32), requires_grad=True)
    w2 = Tensor(rng.standard_normal((16, 1)).astype(np.float32), requires_grad=True)
    x = Tensor(rng.standard_normal((32, 8)).astype(np.float32))
    history = []

    def step():
        loss = ((x @ w1).relu() @ w2).mean()
        loss.backward()
        with no_grad():
            for p in (w1, w2):
                p.data -= 0.001 * p.grad
                p.grad = None
        history.append(loss)                       # keeping the losses must not keep graphs

    tracemalloc.start()
    for _ in range(200):
        step()
    gc.collect()
    before = tracemalloc.get_traced_memory()[0]
    for _ in range(2000):
        step()
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    per_step = (after - before) / 2000
    assert per_step < 600, f"memory grew by {per_step:.0f} bytes per step"


def test_relu_of_large_arrays_reuses_only_free_memory():
    # Above `allocator.SMALL`, relu's output and gradient come from reused buffers: one a user
    # still holds must never be handed out again, and special values keep np.maximum's rule.
    rng = np.random.default_rng(0)
    data = rng.standard_normal((64, 1024)).astype(np.float32)
    data[0, :3] = [-np.inf, np.nan, -0.0]
    x = Tensor(data, requires_grad=True)
    first = x.relu()
    first.backward(np.ones(first.shape, np.float32))
    kept_out, kept_grad = first.data.copy(), x.grad.data.copy()
    second = Tensor(-data, requires_grad=True).relu()    # while `first` is alive
    second.backward(np.full(second.shape, 2, np.float32))
    assert not np.shares_memory(first.data, second.data)
    np.testing.assert_array_equal(first.data, kept_out)
    np.testing.assert_array_equal(x.grad.data, kept_grad)
    np.testing.assert_array_equal(first.data, np.maximum(data, 0))
    np.testing.assert_array_equal(x.grad.data, (data > 0).astype(np.float32))
    np.testing.assert_array_equal(second.data, np.maximum(-data, 0))
    assert first.data[0, 0] == 0 and np.isnan(first.data[0, 1])
    assert first.dtype == np.float32
    small_int = Tensor(np.array([-3, 0, 4], np.int8)).relu()   # small: a fresh array, same dtype
    assert small_int.dtype == np.int8 and small_int.data.tolist() == [0, 0, 4]
