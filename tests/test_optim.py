"""Optimisers against updates computed by hand."""

import numpy as np
import pytest

import minigrad.nn as nn
from minigrad import Tensor
from minigrad.optim import SGD, Adam


def param(values, grad):
    p = Tensor(np.array(values, dtype=np.float64), requires_grad=True)
    p.grad = np.array(grad, dtype=np.float64)
    return p


def test_sgd_plain_momentum_and_weight_decay_two_steps():
    p = param([1.0, -2.0], [0.5, 1.0])
    opt = SGD([p], lr=0.1, momentum=0.9, weight_decay=0.01)
    opt.step()
    # g = [0.5, 1.0] + 0.01·[1, -2] = [0.51, 0.98]; v = g; p = p - 0.1 v
    assert np.allclose(p.data, [0.949, -2.098])
    p.grad = np.array([0.5, 1.0])
    opt.step()
    # g = [0.5, 1] + 0.01·[0.949, -2.098] = [0.50949, 0.97902]; v = 0.9·[0.51, 0.98] + g
    assert np.allclose(p.data, [0.949 - 0.1 * (0.459 + 0.50949), -2.098 - 0.1 * (0.882 + 0.97902)])
    q = param([1.0], [2.0])
    SGD([q], lr=0.5).step()
    assert q.data[0] == 0.0


def test_adam_two_steps_by_hand():
    p = param([1.0], [0.2])
    opt = Adam([p], lr=0.1)
    opt.step()
    # step 1: m̂ = g, v̂ = g², update = lr·g/(|g| + eps) ≈ 0.1
    assert p.data[0] == pytest.approx(1.0 - 0.1 * 0.2 / (0.2 + 1e-8))
    p.grad = np.array([-0.4])
    opt.step()
    m = 0.9 * 0.1 * 0.2 + 0.1 * -0.4
    v = 0.999 * 0.001 * 0.04 + 0.001 * 0.16
    m_hat, v_hat = m / (1 - 0.9 ** 2), v / (1 - 0.999 ** 2)
    assert p.data[0] == pytest.approx(0.9 - 0.1 * m_hat / (np.sqrt(v_hat) + 1e-8))


def test_parameters_without_gradient_are_skipped():
    a, b = param([1.0], [1.0]), param([1.0], [1.0])
    b.grad = None
    for opt in (SGD([a, b], lr=0.1, momentum=0.5), Adam([a, b])):
        opt.step()
    assert b.data[0] == 1.0 and a.data[0] < 1.0
    opt.zero_grad()
    assert a.grad is None


def test_bad_settings():
    with pytest.raises(ValueError, match="empty"):
        SGD([], lr=0.1)
    with pytest.raises(ValueError, match="learning rate"):
        Adam([param([1.0], [1.0])], lr=0)
    with pytest.raises(ValueError, match="momentum=-1"):
        SGD([param([1.0], [1.0])], lr=0.1, momentum=-1)
    with pytest.raises(ValueError, match=r"betas=\(1.5, 0.9\)"):
        Adam([param([1.0], [1.0])], betas=(1.5, 0.9))


def test_parameters_must_be_an_iterable_of_tensors_that_require_grad():
    weights = Tensor(np.ones((2, 3)), requires_grad=True)
    with pytest.raises(TypeError, match=r"SGD: .*model\.parameters\(\).*got a Tensor"):
        SGD(weights, lr=0.1)  # iterating a tensor would give its rows, which step() never sees
    with pytest.raises(TypeError, match="got a Linear"):
        SGD(nn.Linear(2, 2), lr=0.1)
    with pytest.raises(TypeError, match="parameter 0 is a ndarray"):
        Adam([np.ones(3)])
    with pytest.raises(TypeError, match="parameter 1 is a tensor without requires_grad"):
        Adam([weights, Tensor(np.ones(3))])


def test_adam_minimises_a_quadratic():
    p = Tensor(np.array([3.0, -4.0]), requires_grad=True)
    opt = Adam([p], lr=0.1)
    for _ in range(300):
        loss = (p * p).sum()
        opt.zero_grad()
        loss.backward()
        opt.step()
    assert np.abs(p.data).max() < 1e-2


def test_state_has_pytorchs_names():
    p, q = param([1.0, 2.0], [0.1, 0.2]), param([3.0], [0.3])
    sgd = SGD([p], lr=0.1, momentum=0.9)
    sgd.step()
    assert set(sgd.state[p]) == {"momentum_buffer"}
    np.testing.assert_allclose(sgd.state[p]["momentum_buffer"], [0.1, 0.2])
    adam = Adam([q])
    adam.step()
    adam.step()
    assert set(adam.state[q]) == {"step", "exp_avg", "exp_avg_sq"} and adam.state[q]["step"] == 2
    assert SGD([q], lr=0.1).state == {}  # plain SGD remembers nothing


def test_param_groups_have_their_own_settings():
    a, b = param([1.0], [1.0]), param([1.0], [1.0])
    opt = SGD([{"params": [a]}, {"params": [b], "lr": 0.5}], lr=0.1, momentum=0.0)
    assert [g["lr"] for g in opt.param_groups] == [0.1, 0.5]
    assert opt.param_groups[0]["momentum"] == 0.0 and opt.param_groups[0]["params"] == [a]
    opt.step()
    assert a.data[0] == pytest.approx(0.9) and b.data[0] == pytest.approx(0.5)
    opt.param_groups[1]["lr"] = 0.25  # a schedule changes the rate here
    opt.step()
    assert b.data[0] == pytest.approx(0.25)
    with pytest.raises(ValueError, match="appears twice"):
        SGD([{"params": [a]}, {"params": [a]}], lr=0.1)
    with pytest.raises(ValueError, match=r"unknown settings \['betas'\]"):
        SGD([{"params": [a], "betas": (0.9, 0.9)}], lr=0.1)
    with pytest.raises(ValueError, match="learning rate"):
        Adam([{"params": [a], "lr": -1.0}])


def test_setting_lr_on_the_optimiser_raises_and_says_where_it_lives():
    opt = Adam([param([1.0], [1.0])], lr=0.1)
    with pytest.raises(AttributeError, match=r"param_groups\[0\]\['lr'\] = 0.01"):
        opt.lr = 0.01
    with pytest.raises(AttributeError, match=r"param_groups\[0\]\['lr'\]"):
        opt.lr
    assert opt.param_groups[0]["lr"] == 0.1


def test_state_dict_layout_and_round_trip():
    a, b = param([1.0, 2.0], [0.1, -0.2]), param([[3.0]], [[0.3]])
    opt = Adam([{"params": [a]}, {"params": [b], "lr": 0.01}], lr=0.1)
    opt.step()
    state = opt.state_dict()
    assert [g["params"] for g in state["param_groups"]] == [[0], [1]]
    assert state["param_groups"][1] == {"lr": 0.01, "betas": (0.9, 0.999), "eps": 1e-8,
                                        "weight_decay": 0.0, "params": [1]}
    assert sorted(state["state"]) == [0, 1] and state["state"][1]["step"] == 1
    assert state["state"][0]["exp_avg"] is not opt.state[a]["exp_avg"]  # a copy
    opt.step()
    # the same first step elsewhere, then a fresh optimiser given its state takes the same second
    a2, b2 = param([1.0, 2.0], [0.1, -0.2]), param([[3.0]], [[0.3]])
    first = Adam([{"params": [a2]}, {"params": [b2], "lr": 0.01}], lr=0.1)
    first.step()
    fresh = Adam([{"params": [a2]}, {"params": [b2]}], lr=0.5)
    fresh.load_state_dict(first.state_dict())
    assert fresh.param_groups[1]["lr"] == 0.01 and fresh.state[a2]["step"] == 1
    fresh.step()
    np.testing.assert_array_equal(a2.data, a.data)
    np.testing.assert_array_equal(b2.data, b.data)
    with pytest.raises(ValueError, match=r"hold \[1, 1\] parameters, this optimiser's \[2\]"):
        Adam([a, b]).load_state_dict(state)


def test_zero_grad_to_zeros():
    p = param([1.0], [2.0])
    opt = SGD([p], lr=0.1)
    opt.zero_grad(set_to_none=False)
    assert p.grad.tolist() == [0.0]
    opt.zero_grad()
    assert p.grad is None


@pytest.mark.parametrize("name,settings", [
    ("SGD", {"lr": 0.1}), ("SGD", {"lr": 0.1, "momentum": 0.9, "weight_decay": 0.01}),
    ("Adam", {"lr": 0.01}), ("Adam", {"lr": 0.01, "betas": (0.8, 0.99), "weight_decay": 0.1}),
])
def test_updates_match_pytorch(name, settings):
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(0)
    start = rng.normal(size=(3, 2))
    grads = [rng.normal(size=(3, 2)) for _ in range(4)]
    ours = Tensor(start.copy(), requires_grad=True)
    theirs = torch.tensor(start.copy(), requires_grad=True)
    opt = {"SGD": SGD, "Adam": Adam}[name]([ours], **settings)
    ref = getattr(torch.optim, name)([theirs], **settings)
    for g in grads:
        ours.grad = g.copy()
        theirs.grad = torch.tensor(g.copy())
        opt.step()
        ref.step()
    np.testing.assert_allclose(ours.data, theirs.detach().numpy(), rtol=1e-10, atol=1e-12)
    key = "momentum_buffer" if name == "SGD" else "exp_avg_sq"
    if key in ref.state[theirs] and ref.state[theirs][key] is not None:
        np.testing.assert_allclose(opt.state[ours][key], ref.state[theirs][key].numpy(), rtol=1e-10)
