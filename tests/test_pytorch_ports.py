"""What the seventeen PyTorch programs of tests/pytorch_programs need (issue 18): each function
against PyTorch's semantics (skipped without torch), against finite differences where it is
differentiable, and for a clear error."""

import numpy as np
import pytest

import minigrad as mg
from minigrad import Tensor, gradcheck

pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")


def leaf(shape, seed=0, low=-2.0, high=2.0):
    return Tensor(np.random.default_rng(seed).uniform(low, high, size=shape), requires_grad=True)


def torch_or_skip():
    return pytest.importorskip("torch")


# --- top level: dtypes, device, factories -------------------------------------------------------
def test_dtype_and_device_aliases():
    torch = torch_or_skip()
    assert mg.float is mg.float32 and torch.float is torch.float32
    assert mg.int is mg.int32 and torch.int is torch.int32 and mg.long is mg.int64
    d = mg.device("cpu")
    assert d == "cpu" and str(d) == "cpu" and repr(d) == repr(torch.device("cpu"))
    assert mg.zeros(2).device == d and str(mg.zeros(2).device) == str(torch.zeros(2).device)
    assert mg.linspace(0, 1, 3, device=d, dtype=mg.float).dtype == np.float32
    with pytest.raises(RuntimeError, match="CPU only"):
        mg.device("cuda")


def test_from_numpy_shares_memory():
    a = np.arange(3.0)
    t = mg.from_numpy(a)
    assert t.dtype == np.float64
    a[0] = 7.0
    assert t[0].item() == 7.0
    with pytest.raises(TypeError, match="from_numpy: expected a numpy.ndarray"):
        mg.from_numpy([1.0])


def test_normal_moments_shapes_and_errors():
    mg.manual_seed(0)
    x = mg.normal(3.0, 0.5, size=(20000,))
    assert x.dtype == np.float32 and abs(x.mean().item() - 3) < 0.02 and abs(x.std().item() - 0.5) < 0.02
    assert mg.normal(mg.zeros(2, 3), 1.0).shape == (2, 3)
    assert mg.normal(0, 1, (2,), requires_grad=True).requires_grad
    with pytest.raises(ValueError, match="normal: std must be ≥ 0"):
        mg.normal(0, -1.0, size=(2,))


# --- functions -----------------------------------------------------------------------------------
def test_maximum_minimum_against_torch_and_gradcheck():
    torch = torch_or_skip()
    a, b = np.array([[1.0, -2.0, 3.0]]), np.array([[0.5], [3.0]])
    assert np.array_equal(mg.maximum(Tensor(a), Tensor(b)).numpy(),
                          torch.maximum(torch.tensor(a), torch.tensor(b)).numpy())
    assert np.array_equal(mg.max(Tensor(a), Tensor(b)).numpy(), torch.max(torch.tensor(a), torch.tensor(b)).numpy())
    assert np.array_equal(mg.min(Tensor(a), Tensor(b)).numpy(), torch.min(torch.tensor(a), torch.tensor(b)).numpy())
    x, y = leaf((2, 3)), leaf((3,), seed=1)
    assert gradcheck(mg.maximum, x, y) and gradcheck(mg.minimum, x, y)
    tie_x, tie_y = torch.tensor([1.0], requires_grad=True), torch.tensor([1.0], requires_grad=True)
    torch.maximum(tie_x, tie_y).backward()
    mx, my = Tensor([1.0], requires_grad=True), Tensor([1.0], requires_grad=True)
    mg.maximum(mx, my).backward()
    assert mx.grad.item() == tie_x.grad.item() and my.grad.item() == tie_y.grad.item()
    assert mg.max(Tensor(a)).item() == 3.0 and mg.max(Tensor(a), 1).indices.tolist() == [2]
    with pytest.raises(ValueError, match=r"maximum: shapes \(2,\) and \(3,\)"):
        mg.maximum(mg.zeros(2), mg.zeros(3))


def test_allclose_as_torch():
    torch = torch_or_skip()
    for a, b in [([1.0, 2.0], [1.0, 2.0 + 1e-7]), ([1.0], [1.1]), ([[1.0]], [1.0, 1.0])]:
        assert mg.allclose(mg.tensor(a), mg.tensor(b)) == torch.allclose(torch.tensor(a), torch.tensor(b))


def test_loss_modules_reduction_none():
    torch = torch_or_skip()
    logits, target = np.random.default_rng(0).normal(size=(4, 3)), np.array([0, 2, 1, 1])
    ours = mg.nn.CrossEntropyLoss(reduction="none")(Tensor(logits), Tensor(target))
    theirs = torch.nn.CrossEntropyLoss(reduction="none")(torch.tensor(logits), torch.tensor(target))
    assert ours.shape == (4,) and np.allclose(ours.numpy(), theirs.numpy(), atol=1e-6)
    with pytest.raises(ValueError, match="'mean', 'sum' or 'none'"):
        mg.nn.MSELoss(reduction="avg")


def test_utils_data_reachable_and_load_weights_only(tmp_path):
    assert mg.utils.data.TensorDataset is __import__("minigrad.utils.data").utils.data.TensorDataset
    mg.save({"w": mg.ones(2)}, tmp_path / "m.pth")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.pth"]
    assert np.array_equal(mg.load(tmp_path / "m.pth", weights_only=True)["w"], np.ones(2))


# --- nn.init and Module.to ----------------------------------------------------------------------
@pytest.mark.parametrize("name,kwargs,shape", [
    ("xavier_uniform_", {}, (300, 200)), ("xavier_normal_", {"gain": 2.0}, (64, 32, 3, 3)),
    ("kaiming_uniform_", {"a": 0.1}, (300, 200)), ("kaiming_normal_", {"mode": "fan_out", "nonlinearity": "relu"}, (64, 32, 3, 3)),
    ("normal_", {"mean": 1.0, "std": 0.5}, (300, 200)), ("uniform_", {"a": -1.0, "b": 3.0}, (300, 200))])
def test_init_matches_torch_moments(name, kwargs, shape):
    torch = torch_or_skip()
    ours = getattr(mg.nn.init, name)(Tensor(np.zeros(shape, np.float32)), **kwargs)
    theirs = getattr(torch.nn.init, name)(torch.zeros(shape), **kwargs).numpy()
    assert ours.shape == shape and ours.dtype == np.float32
    assert abs(ours.numpy().std() / theirs.std() - 1) < 0.03
    assert abs(ours.numpy().mean() - theirs.mean()) < 0.03 * theirs.std() + 1e-3
    if name.endswith("uniform_"):
        assert abs(ours.numpy().max() / theirs.max() - 1) < 0.01


def test_init_in_place_constants_gain_and_errors():
    torch = torch_or_skip()
    layer = mg.nn.Linear(3, 2)
    w = layer.weight
    assert mg.nn.init.constant_(layer.weight, 0.5) is w and np.all(w.numpy() == 0.5)
    assert np.all(mg.nn.init.zeros_(layer.bias).numpy() == 0) and np.all(mg.nn.init.ones_(w).numpy() == 1)
    for nl, p in [("relu", None), ("tanh", None), ("leaky_relu", 0.2), ("sigmoid", None), ("selu", None)]:
        assert mg.nn.init.calculate_gain(nl, p) == pytest.approx(torch.nn.init.calculate_gain(nl, p))
    with pytest.raises(ValueError, match=r"xavier_uniform_: fan in and fan out .* shape \(3,\)"):
        mg.nn.init.xavier_uniform_(mg.zeros(3))
    with pytest.raises(ValueError, match="mode must be 'fan_in' or 'fan_out'"):
        mg.nn.init.kaiming_normal_(w, mode="fan")
    with pytest.raises(TypeError, match="nn.init.normal_: expected a Tensor"):
        mg.nn.init.normal_(np.zeros(3))


def test_module_to_and_cpu_return_the_module():
    model = mg.nn.Sequential(mg.nn.Linear(2, 2))
    assert model.to("cpu") is model and model.to(mg.device("cpu")) is model and model.cpu() is model
    assert model.train() is model
    with pytest.raises(RuntimeError, match="CPU only"):
        model.to("cuda")
    with pytest.raises(TypeError, match="Sequential.to: changing the dtype"):
        model.to(mg.float64)


# --- pooling and flattening ---------------------------------------------------------------------
@pytest.mark.parametrize("size", [1, 2, (3, 1), (None, 2)])
def test_adaptive_avg_pool2d_against_torch_and_gradcheck(size):
    torch = torch_or_skip()
    x = leaf((2, 3, 6, 4))
    ours = mg.nn.AdaptiveAvgPool2d(size)(x)
    theirs = torch.nn.AdaptiveAvgPool2d(size)(torch.tensor(x.numpy()))
    assert np.allclose(ours.numpy(), theirs.numpy())
    assert gradcheck(lambda t: mg.nn.functional.adaptive_avg_pool2d(t, size), x)


def test_adaptive_avg_pool2d_refuses_uneven_cells():
    with pytest.raises(ValueError, match=r"adaptive_avg_pool2d: output size \(4, 4\) must divide the input's \(6, 4\)"):
        mg.nn.functional.adaptive_avg_pool2d(mg.zeros(1, 1, 6, 4), 4)
    with pytest.raises(ValueError, match=r"adaptive_avg_pool2d: expected \(N, C, H, W\)"):
        mg.nn.functional.adaptive_avg_pool2d(mg.zeros(6, 4), 2)


def test_flatten_module_end_dim_as_torch():
    torch = torch_or_skip()
    x = np.zeros((2, 3, 4, 5), np.float32)
    for args in [(), (0, 1), (1, 2), (0, -1)]:
        assert mg.nn.Flatten(*args)(Tensor(x)).shape == tuple(torch.nn.Flatten(*args)(torch.tensor(x)).shape)


# --- autograd surface: grad_fn, expand, repeat, Tensor ** Tensor -------------------------------
def test_grad_fn_names_the_operation_as_torch():
    torch = torch_or_skip()
    x = Tensor(np.ones(3, np.float32), requires_grad=True)
    tx = torch.ones(3, requires_grad=True)
    assert x.grad_fn is None and tx.grad_fn is None
    assert (x * 2).grad_fn is not None and repr((x * 2).grad_fn) == "<MulBackward0>"
    assert type((tx * 2).grad_fn).__name__ == "MulBackward0"
    assert repr((x + x).grad_fn) == "<AddBackward0>" and repr((x ** 2).grad_fn) == "<PowBackward0>"
    with mg.no_grad():
        assert (x * 2).grad_fn is None


def test_expand_and_repeat_against_torch_and_gradcheck():
    torch = torch_or_skip()
    a = np.random.default_rng(0).normal(size=(3, 1))
    for ours, theirs in [(Tensor(a).expand(2, 3, 4), torch.tensor(a).expand(2, 3, 4)),
                         (Tensor(a).expand(-1, 5), torch.tensor(a).expand(-1, 5)),
                         (Tensor(a).repeat(2, 3), torch.tensor(a).repeat(2, 3)),
                         (Tensor(a).repeat(2, 1, 2), torch.tensor(a).repeat(2, 1, 2))]:
        assert np.array_equal(ours.numpy(), theirs.numpy())
    x = leaf((3, 1))
    w = leaf((2, 6, 2), seed=1)
    assert gradcheck(lambda t: t.expand(2, 3, 4) * w[:, :3, :1], x)
    assert gradcheck(lambda t: t.repeat(2, 2, 2) * w, x)
    with pytest.raises(ValueError, match=r"expand: cannot expand shape \(3, 1\) to \(4, 1\)"):
        Tensor(a).expand(4, 1)
    with pytest.raises(ValueError, match="repeat: give one count per dim"):
        Tensor(a).repeat(2)


def test_tensor_power_against_torch_and_gradcheck():
    torch = torch_or_skip()
    x = np.linspace(-1, 1, 5, dtype=np.float32)
    p = np.array([1, 2, 3])
    ours = Tensor(x).unsqueeze(-1).pow(Tensor(p))
    theirs = torch.tensor(x).unsqueeze(-1).pow(torch.tensor(p))
    assert ours.dtype == np.float32 and np.allclose(ours.numpy(), theirs.numpy())
    base, expo = leaf((4, 1), low=0.5, high=2.0), leaf((3,), seed=1)
    assert gradcheck(lambda b, e: b ** e, base, expo)
    neg = leaf((4, 1), low=-2.0, high=2.0)
    assert gradcheck(lambda b: b ** Tensor(np.array([0.0, 1.0, 2.0, 3.0])), neg)
    with pytest.raises(ValueError, match="pow: the gradient with respect to the exponent, xᵖ·ln x, needs x > 0"):
        neg ** Tensor([1.0, 2.0, 3.0], requires_grad=True)
    with pytest.raises(ValueError, match="pow: negative entries"):
        Tensor([-1.0]) ** Tensor([0.5])
    with pytest.raises(ValueError, match=r"pow: shapes \(2,\) and \(3,\)"):
        mg.ones(2) ** mg.ones(3)


def test_out_argument_writes_into_the_tensor_as_torch():
    torch = torch_or_skip()
    a = np.random.default_rng(0).normal(size=(3, 3)).astype(np.float32)
    ours, theirs = mg.zeros(3, 3), torch.zeros(3, 3)
    assert mg.matmul(Tensor(a), Tensor(a).T, out=ours) is ours
    torch.matmul(torch.tensor(a), torch.tensor(a).T, out=theirs)
    assert np.allclose(ours.numpy(), theirs.numpy())
    mg.mul(Tensor(a), Tensor(a), out=ours)
    torch.mul(torch.tensor(a), torch.tensor(a), out=theirs)
    assert np.allclose(ours.numpy(), theirs.numpy()) and np.allclose(Tensor(a).mul(2).numpy(), 2 * a)
    with pytest.raises(ValueError, match=r"matmul: out= must be a tensor of the result's shape \(3, 3\)"):
        mg.matmul(Tensor(a), Tensor(a), out=mg.zeros(2))
    with pytest.raises(RuntimeError, match="mul: out= does not record gradients"):
        mg.mul(leaf((3,)), 2.0, out=mg.zeros(3))


def test_view_as_eq_and_to_device_as_torch():
    torch = torch_or_skip()
    a, b = np.arange(6.0).reshape(2, 3), np.arange(6.0)
    assert Tensor(b).view_as(Tensor(a)).shape == tuple(torch.tensor(b).view_as(torch.tensor(a)).shape)
    assert Tensor(a).eq(Tensor(a)).numpy().tolist() == torch.tensor(a).eq(torch.tensor(a)).numpy().tolist()
    x = Tensor(a)
    assert x.to(mg.device("cpu")) is x
    with pytest.raises(ValueError, match="reshape: cannot reshape"):
        Tensor(b).view_as(mg.zeros(4))


def test_tensor_normal_and_uniform_in_place():
    torch = torch_or_skip()
    x = mg.zeros(20000)
    assert x.normal_(2.0, 0.5) is x and abs(x.mean().item() - 2) < 0.02 and abs(x.std().item() - 0.5) < 0.02
    x.uniform_(-1.0, 3.0)
    assert -1 <= x.min().item() and x.max().item() < 3 and abs(x.mean().item() - 1) < 0.05
    with pytest.raises(RuntimeError, match="normal_: this tensor .* requires grad"):
        mg.zeros(2, requires_grad=True).normal_()
    with pytest.raises(RuntimeError, match="in-place"):  # PyTorch refuses the same
        torch.zeros(2, requires_grad=True).normal_()
