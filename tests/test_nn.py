"""minigrad.nn: modules, layers, losses and ready-made models."""

import numpy as np
import pytest

import minigrad as mg
import minigrad.nn as nn
from minigrad import Tensor, gradcheck


def f64(module):
    """The same module with float64 parameters, for gradcheck."""
    for p in module.parameters():
        p.data = p.data.astype(np.float64)
    return module


def leaf(shape, seed=0):
    return Tensor(np.random.default_rng(seed).uniform(-1, 1, size=shape), requires_grad=True)


def check_layer(layer, x, out_shape):
    """Output shape, gradients of input and parameters, and a state_dict round trip."""
    layer = f64(layer)
    params = list(layer.parameters())

    def run(inp, *ps):
        for p, value in zip(params, ps):
            p.data = value.data
        return layer(inp)
    assert run(x, *params).shape == out_shape
    assert gradcheck(lambda inp, *ps: run(inp, *ps) * 1.7, x, *params)
    state = layer.state_dict()
    for p in layer.parameters():
        p.data[...] = 0
    layer.load_state_dict(state)
    assert all(np.array_equal(p.data, state[n]) for n, p in layer.named_parameters())


@pytest.mark.parametrize("make,in_shape,out_shape", [
    (lambda: nn.Linear(4, 3), (5, 4), (5, 3)),
    (lambda: nn.Linear(4, 3, bias=False), (2, 5, 4), (2, 5, 3)),
    (lambda: nn.Conv2d(2, 3, 3, stride=2, padding=1), (2, 2, 7, 6), (2, 3, 4, 3)),
    (lambda: nn.Conv2d(1, 2, 2), (1, 1, 4, 4), (1, 2, 3, 3)),
    (lambda: nn.Conv2d(2, 2, (3, 1), stride=(1, 2), padding=(1, 0)), (1, 2, 5, 5), (1, 2, 5, 3)),
    (lambda: nn.MaxPool2d(2), (1, 2, 6, 6), (1, 2, 3, 3)),
    (lambda: nn.AvgPool2d(3, 2), (1, 2, 7, 7), (1, 2, 3, 3)),
    (lambda: nn.Flatten(), (2, 3, 4), (2, 12)),
    (lambda: nn.ReLU(), (3, 4), (3, 4)),
    (lambda: nn.Sigmoid(), (3, 4), (3, 4)),
    (lambda: nn.Tanh(), (3, 4), (3, 4)),
    (lambda: nn.Dropout(0.4).eval(), (3, 4), (3, 4)),
    (lambda: nn.Sequential(nn.Linear(4, 6), nn.Tanh(), nn.Linear(6, 2)), (3, 4), (3, 2)),
    (lambda: nn.MLP([4, 5, 3], activation="tanh", output_activation="sigmoid"), (2, 4), (2, 3)),
])
def test_layers(make, in_shape, out_shape):
    mg.manual_seed(0)
    check_layer(make(), leaf(in_shape), out_shape)


def test_conv2d_rejects_string_padding():
    with pytest.raises(ValueError, match="Conv2d: padding .* 'same'.*k // 2"):
        nn.Conv2d(1, 2, 3, padding="same")


def test_dropout_gradient_in_training_mode():
    drop = nn.Dropout(0.4)

    def run(x):
        mg.manual_seed(5)  # the same mask on every call gradcheck makes
        return drop(x)
    x = leaf((4, 6))
    out = run(x).data
    assert (out == 0).any() and np.allclose(out[out != 0], x.data[out != 0] / 0.6)
    assert gradcheck(run, x)


def test_embedding_gathers_rows_and_scatters_gradients():
    mg.manual_seed(0)
    emb = f64(nn.Embedding(5, 3))
    ids = np.array([[1, 4], [1, 1]])
    assert emb(ids).shape == (2, 2, 3)

    def run(w):
        emb.weight.data = w.data
        return emb(ids) * 2
    assert gradcheck(run, emb.weight)
    state = emb.state_dict()
    emb.weight.data[...] = 0
    emb.load_state_dict(state)
    assert np.array_equal(emb.weight.data, state["weight"])
    emb.zero_grad()
    emb(ids).sum().backward()
    assert np.array_equal(emb.weight.grad[:, 0], [0, 3, 0, 0, 1])
    with pytest.raises(ValueError, match=r"\[0, 5\).*7"):
        emb(np.array([7]))


def test_named_parameters_are_dotted_like_pytorch():
    ae = nn.Autoencoder(nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2)),
                        nn.Sequential(nn.Linear(2, 4)))
    names = [n for n, _ in ae.named_parameters()]
    assert names == ["encoder.0.weight", "encoder.0.bias", "encoder.2.weight", "encoder.2.bias",
                     "decoder.0.weight", "decoder.0.bias"]
    assert len(list(ae.children())) == 2
    assert ae(Tensor(np.ones((3, 4)))).shape == (3, 4) and ae.encode(Tensor(np.ones((1, 4)))).shape == (1, 2)


def test_train_eval_and_zero_grad_reach_every_submodule():
    model = nn.Sequential(nn.Linear(3, 3), nn.Sequential(nn.Dropout(0.5)))
    model.eval()
    assert not model[1][0].training
    model.train()
    assert model[1][0].training
    model(Tensor(np.ones((2, 3)))).sum().backward()
    assert model[0].weight.grad is not None
    model.zero_grad()
    assert all(p.grad is None for p in model.parameters())


def test_sequential_indexing_and_repr():
    model = nn.MLP([2, 8, 1])
    assert len(model) == 3 and isinstance(model[0], nn.Linear) and isinstance(model[1], nn.ReLU)
    assert isinstance(model[:2], nn.Sequential) and len(model[:2]) == 2
    text = repr(model)
    assert "(0): Linear(in_features=2, out_features=8, bias=True)" in text and "(1): ReLU()" in text
    with pytest.raises(TypeError, match="item 1"):
        nn.Sequential(nn.ReLU(), "relu")


def test_load_state_dict_lists_every_problem():
    model = nn.Sequential(nn.Linear(2, 3), nn.Linear(3, 1))
    other = nn.Sequential(nn.Linear(2, 4), nn.Linear(4, 1), nn.Linear(1, 1))
    with pytest.raises(ValueError) as info:
        model.load_state_dict(other.state_dict())
    message = str(info.value)
    assert "unexpected keys: 2.weight, 2.bias" in message
    assert "0.weight: file (4, 2), model (3, 2)" in message
    partial = {k: v for k, v in model.state_dict().items() if k != "1.bias"}
    with pytest.raises(ValueError, match="missing keys: 1.bias"):
        model.load_state_dict(partial)
    assert model.load_state_dict(partial, strict=False) == (["1.bias"], [])
    assert model.load_state_dict(model.state_dict()) == ([], [])


def test_load_state_dict_checks_everything_before_copying_anything():
    model = nn.Sequential(nn.Linear(2, 3), nn.Linear(3, 1))
    before = model.state_dict()
    bad = {**before, "0.weight": before["0.weight"] + 1, "1.weight": np.full((1, 3), "x")}
    with pytest.raises(ValueError, match=r"1\.weight: ndarray .* is not numbers"):
        model.load_state_dict(bad)
    assert all(np.array_equal(p.data, before[n]) for n, p in model.named_parameters())
    with pytest.raises(TypeError, match=r"expected a dict.*got str.*minigrad\.load\(path\)"):
        model.load_state_dict("model.npz")


def test_a_shared_layer_is_one_set_of_parameters():
    shared = nn.Linear(2, 2)
    model = nn.Sequential(shared, nn.ReLU(), shared)
    assert [n for n, _ in model.named_parameters()] == ["0.weight", "0.bias"]
    # as in PyTorch, the state dict names the shared layer at both places, and loads from either
    assert list(model.state_dict()) == ["0.weight", "0.bias", "2.weight", "2.bias"]
    state = model.state_dict()
    assert model.load_state_dict(state) == ([], [])
    assert model.load_state_dict({"2.weight": state["2.weight"], "2.bias": state["2.bias"]}) == ([], [])
    model(Tensor(np.ones((1, 2)))).sum().backward()
    before, grad = shared.weight.data.copy(), shared.weight.grad.data.copy()
    mg.optim.SGD(model.parameters(), lr=0.1).step()
    np.testing.assert_allclose(shared.weight.data, before - 0.1 * grad, rtol=1e-6)


def test_initialisation_is_seeded_and_scaled():
    mg.manual_seed(3)
    a = nn.Linear(400, 300).weight.data
    mg.manual_seed(3)
    assert np.array_equal(a, nn.Linear(400, 300).weight.data)
    assert a.dtype == np.float32
    assert a.std() == pytest.approx(np.sqrt(2 / 400), rel=0.05)              # He
    g = nn.Linear(400, 300, init="glorot").weight.data
    assert np.abs(g).max() <= np.sqrt(6 / 700) and g.std() == pytest.approx(np.sqrt(2 / 700), rel=0.05)
    mlp = nn.MLP([10, 20, 5], output_activation=None)
    assert np.abs(mlp[2].weight.data).max() <= np.sqrt(6 / 25)                # output layer: Glorot


def test_loss_modules_match_functions():
    import minigrad.functional as F
    z = leaf((4, 3))
    t = np.array([0, 2, 1, 1])
    assert nn.CrossEntropyLoss()(z, t).item() == pytest.approx(F.cross_entropy(z, t).item())
    assert nn.MSELoss(reduction="sum")(z, np.zeros((4, 3))).item() == pytest.approx((z.data ** 2).sum())
    assert nn.BCEWithLogitsLoss()(z, np.ones((4, 3))).item() == pytest.approx(
        F.binary_cross_entropy_with_logits(z, np.ones((4, 3))).item())
    assert nn.BCELoss()(z.sigmoid(), np.ones((4, 3))).item() == pytest.approx(
        F.binary_cross_entropy(z.sigmoid(), np.ones((4, 3))).item(), rel=1e-5)
    with pytest.raises(ValueError, match="reduction"):
        nn.MSELoss(reduction="avg")


AND, OR, XOR = [0, 0, 0, 1], [0, 1, 1, 1], [0, 1, 1, 0]
INPUTS = [[0, 0], [0, 1], [1, 0], [1, 1]]


@pytest.mark.parametrize("targets", [AND, OR], ids=["AND", "OR"])
def test_perceptron_rule_learns_and_or(targets):
    mg.manual_seed(0)
    p = nn.Perceptron(2)
    mistakes = p.fit(INPUTS, targets, epochs=30, lr=0.1)
    assert mistakes[-1] == 0 and list(p.predict(INPUTS)) == targets


def test_perceptron_rule_never_settles_on_xor():
    mg.manual_seed(0)
    p = nn.Perceptron(2)
    mistakes = p.fit(INPUTS, XOR, epochs=100, lr=0.1)
    assert min(mistakes[50:]) > 0 and list(p.predict(INPUTS)) != XOR


def test_perceptron_fit_names_wrong_widths_and_labels():
    with pytest.raises(ValueError, match=r"expected X \(N, 3\) and y \(N,\), got \(4, 2\)"):
        nn.Perceptron(3).fit(INPUTS, AND)
    with pytest.raises(ValueError, match=r"targets must be 0 or 1, got \[-1.  1.\].*\(y \+ 1\) / 2"):
        nn.Perceptron(2).fit(INPUTS, [-1, -1, -1, 1])


def test_logistic_neuron_by_gradient_descent():
    mg.manual_seed(0)
    p = nn.Perceptron(2, activation="sigmoid")
    losses = p.fit(INPUTS, OR, epochs=300, lr=1.0)
    assert losses[-1] < losses[0] / 5 and list(p.predict(INPUTS)) == OR
    probs = p(INPUTS).data
    assert np.all((probs > 0) & (probs < 1))


def test_modules_take_numpy_arrays_as_constant_inputs():
    mg.manual_seed(0)
    model = nn.Sequential(nn.Conv2d(1, 2, 3), nn.ReLU(), nn.Flatten(), nn.Linear(2 * 6 * 6, 3))
    x = np.random.default_rng(0).random((4, 1, 8, 8)).astype(np.float32)
    assert np.allclose(model(x).data, model(Tensor(x)).data)
