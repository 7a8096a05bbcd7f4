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
    with pytest.raises(TypeError, match=r"SGD: .*model\.parameters\(\), got a Tensor"):
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
