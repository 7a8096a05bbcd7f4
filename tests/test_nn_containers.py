"""Module containers, registration (buffers, parameters, sub-modules) and traversal."""

import numpy as np
import pytest

import minigrad.nn as nn
from minigrad import Tensor


class Blocks(nn.Module):
    def __init__(self):
        self.blocks = nn.ModuleList([nn.Linear(2, 3), nn.Linear(3, 1)])

    def forward(self, x):
        for block in self.blocks:
            x = block(x)
        return x


def test_module_list_parameters_have_pytorchs_names():
    model = Blocks()
    assert list(model.state_dict()) == ["blocks.0.weight", "blocks.0.bias",
                                        "blocks.1.weight", "blocks.1.bias"]
    assert len(list(model.parameters())) == 4
    assert model(Tensor(np.ones((5, 2), dtype=np.float32))).shape == (5, 1)
    model.eval()
    assert not model.blocks[1].training


def test_module_list_behaves_like_a_list():
    a, b, c = nn.Linear(1, 1), nn.ReLU(), nn.Tanh()
    blocks = nn.ModuleList([a])
    blocks.append(b).extend([c])
    assert list(blocks) == [a, b, c] and len(blocks) == 3 and blocks[-1] is c
    blocks.insert(0, c)
    assert list(blocks) == [c, a, b, c]
    del blocks[0]
    assert list(blocks) == [a, b, c] and [n for n, _ in blocks.named_children()] == ["0", "1", "2"]
    blocks[1] = c
    assert isinstance(blocks[1:], nn.ModuleList) and list(blocks[1:]) == [c, c]
    blocks += [nn.Sigmoid()]
    assert len(blocks) == 4
    with pytest.raises(IndexError, match="index 4 is out of range for 4"):
        blocks[4]
    with pytest.raises(TypeError, match="ModuleList: item 0 is a int, not a Module"):
        nn.ModuleList([3])


def test_module_dict():
    heads = nn.ModuleDict({"digit": nn.Linear(4, 10)})
    heads["parity"] = nn.Linear(4, 2)
    assert list(heads) == ["digit", "parity"] and "parity" in heads and len(heads) == 2
    assert [n for n, _ in heads.named_parameters()] == ["digit.weight", "digit.bias",
                                                        "parity.weight", "parity.bias"]
    assert heads.pop("digit").out_features == 10 and heads.keys() == ["parity"]
    with pytest.raises(KeyError, match="no key 'digit'"):
        heads["digit"]
    for bad in ("training", "a.b", ""):
        with pytest.raises(KeyError):
            heads[bad] = nn.ReLU()


def test_parameter_list_and_dict():
    class Scales(nn.Module):
        def __init__(self):
            self.scales = nn.ParameterList([Tensor(np.ones(2)), nn.Parameter(np.zeros(3))])
            self.offsets = nn.ParameterDict({"a": Tensor(np.ones(1))})
    model = Scales()
    assert [n for n, _ in model.named_parameters()] == ["scales.0", "scales.1", "offsets.a"]
    assert all(isinstance(p, nn.Parameter) and p.requires_grad for p in model.parameters())
    with pytest.raises(TypeError, match="not a Parameter or Tensor"):
        nn.ParameterList(["x"])


@pytest.mark.parametrize("value,advice", [
    ([nn.Linear(2, 3), nn.Linear(3, 1)], r"plain list holding modules.*nn\.ModuleList"),
    ((nn.ReLU(),), r"plain tuple holding modules.*nn\.ModuleList"),
    ({"a": nn.ReLU()}, r"plain dict holding modules.*nn\.ModuleDict"),
    ([nn.Parameter(np.ones(2))], r"plain list holding parameters.*nn\.ParameterList"),
    ([[nn.ReLU()]], r"plain list holding modules"),
])
def test_modules_hidden_in_plain_containers_are_refused_at_assignment(value, advice):
    class Hidden(nn.Module):
        def __init__(self):
            self.blocks = value
    with pytest.raises(TypeError, match="Hidden.blocks: a " + advice):
        Hidden()


def test_plain_lists_of_other_things_are_fine():
    m = nn.Module()
    m.sizes = [1, 2, 3]
    m.arrays = [Tensor(np.ones(2))]  # plain tensors are not parameters: nothing is lost
    assert list(m.parameters()) == []


def test_buffers_are_state_but_not_parameters():
    class Norm(nn.Module):
        def __init__(self):
            self.weight = nn.Parameter(np.ones(2, dtype=np.float32))
            self.register_buffer("running_mean", Tensor(np.zeros(2, dtype=np.float32)))
            self.register_buffer("scratch", Tensor(np.zeros(3)), persistent=False)
            self.inner = nn.Linear(2, 2)
    model = Norm()
    assert [n for n, _ in model.named_parameters()] == ["weight", "inner.weight", "inner.bias"]
    assert [n for n, _ in model.named_buffers()] == ["running_mean", "scratch"]
    assert len(list(model.buffers())) == 2
    assert list(model.state_dict()) == ["weight", "running_mean", "inner.weight", "inner.bias"]
    state = model.state_dict()
    state["running_mean"] = np.array([1.0, 2.0])
    model.load_state_dict(state)
    np.testing.assert_array_equal(model.running_mean.data, [1.0, 2.0])
    model.running_mean = Tensor(np.full(2, 5.0, dtype=np.float32))  # a new tensor stays a buffer
    assert model.state_dict()["running_mean"].tolist() == [5.0, 5.0]
    with pytest.raises(TypeError, match="running_mean is a buffer"):
        model.running_mean = [1, 2]
    with pytest.raises(TypeError, match="not a Parameter"):
        model.register_buffer("w2", nn.Parameter(np.ones(1)))
    with pytest.raises(KeyError, match="'training' already exists"):
        model.register_buffer("training", Tensor(np.ones(1)))
    del model.running_mean
    assert [n for n, _ in model.named_buffers()] == ["scratch"]


def test_register_parameter_and_add_module():
    m = nn.Module()
    m.register_parameter("scale", nn.Parameter(np.ones(1)))
    m.register_parameter("bias", None)
    m.add_module("fc", nn.Linear(1, 1))
    assert [n for n, _ in m.named_parameters()] == ["scale", "fc.weight", "fc.bias"]
    assert m.bias is None
    with pytest.raises(TypeError, match="nn.Parameter"):
        m.register_parameter("w", Tensor(np.ones(1)))
    with pytest.raises(TypeError, match="must be a Module"):
        m.add_module("g", 3)
    with pytest.raises(KeyError, match="without dots"):
        m.add_module("a.b", nn.ReLU())


def test_named_modules_apply_and_zero_grad():
    shared = nn.Linear(2, 2)
    model = nn.Sequential(shared, nn.Sequential(nn.ReLU(), shared))
    assert [n for n, _ in model.named_modules()] == ["", "0", "1", "1.0"]
    assert [n for n, _ in model.named_modules(remove_duplicate=False)] == ["", "0", "1", "1.0", "1.1"]
    assert [n for n, _ in model.named_modules(prefix="net")][:2] == ["net", "net.0"]
    visited = []
    assert model.apply(lambda m: visited.append(type(m).__name__)) is model
    assert visited == ["Linear", "ReLU", "Linear", "Sequential", "Sequential"]  # as PyTorch does
    model(Tensor(np.ones((1, 2), dtype=np.float32))).sum().backward()
    model.zero_grad(set_to_none=False)
    assert np.all(shared.weight.grad == 0)
    model.zero_grad()
    assert shared.weight.grad is None


def test_softmax_modules():
    x = Tensor(np.random.default_rng(0).normal(size=(3, 4)))
    p = nn.Softmax(dim=1)(x).data
    np.testing.assert_allclose(p.sum(axis=1), 1, rtol=1e-6)
    np.testing.assert_allclose(nn.LogSoftmax(dim=1)(x).data, np.log(p), rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(nn.Softmax(dim=0)(x).data.sum(axis=0), 1, rtol=1e-6)
    assert repr(nn.LogSoftmax(dim=1)) == "LogSoftmax(dim=1)"


def test_pooling_modules_are_siblings():
    assert not issubclass(nn.AvgPool2d, nn.MaxPool2d)
    x = Tensor(np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4))
    assert nn.MaxPool2d(2)(x).data.ravel().tolist() == [5, 7, 13, 15]
    assert nn.AvgPool2d(2)(x).data.ravel().tolist() == [2.5, 4.5, 10.5, 12.5]




def test_state_dict_names_match_pytorchs():
    torch = pytest.importorskip("torch")

    def build(nn):
        class Net(nn.Module):
            def __init__(self):
                super().__init__()
                shared = nn.Linear(2, 2)
                self.blocks = nn.ModuleList([nn.Linear(2, 3), nn.Linear(3, 2)])
                self.heads = nn.ModuleDict({"a": shared, "b": nn.Sequential(nn.ReLU(), shared)})
                self.scale = nn.Parameter(torch_or_np(nn, [1.0]))
                self.register_buffer("count", torch_or_np(nn, [0.0]))
                self.register_buffer("scratch", torch_or_np(nn, [0.0]), persistent=False)
        return Net()

    def torch_or_np(module, values):
        return torch.tensor(values) if module is torch.nn else Tensor(np.array(values, np.float32))

    ours, theirs = build(nn), build(torch.nn)
    assert list(ours.state_dict()) == list(theirs.state_dict())
    assert [n for n, _ in ours.named_parameters()] == [n for n, _ in theirs.named_parameters()]
    assert [n for n, _ in ours.named_buffers()] == [n for n, _ in theirs.named_buffers()]
    assert [n for n, _ in ours.named_modules()] == [n for n, _ in theirs.named_modules()]
