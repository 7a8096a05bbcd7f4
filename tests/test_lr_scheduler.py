"""Learning-rate schedulers: the rates PyTorch's schedulers give, and the rates the optimiser uses."""

import math

import numpy as np
import pytest

from minigrad import Tensor, optim

STEPS = 25


def optimiser(lr=0.1, library=optim, tensor=lambda: Tensor(np.zeros(2), requires_grad=True)):
    """An SGD with two parameter groups of different rates."""
    return library.SGD([{"params": [tensor()]}, {"params": [tensor()], "lr": lr / 4}], lr=lr)


SCHEDULES = {  # name: the same construction for both libraries, given its lr_scheduler module
    "StepLR": lambda s, opt: s.StepLR(opt, step_size=4, gamma=0.5),
    "LambdaLR": lambda s, opt: s.LambdaLR(opt, lambda t: 1 / (1 + t)),
    "LambdaLR per group": lambda s, opt: s.LambdaLR(opt, [lambda t: 0.9 ** t, lambda t: t + 1]),
    "LinearLR warm-up": lambda s, opt: s.LinearLR(opt, start_factor=0.1, total_iters=10),
    "LinearLR decay": lambda s, opt: s.LinearLR(opt, start_factor=1.0, end_factor=0.2, total_iters=7),
    "CosineAnnealingLR": lambda s, opt: s.CosineAnnealingLR(opt, T_max=STEPS - 5, eta_min=0.001),
    "SequentialLR warm-up then cosine": lambda s, opt: s.SequentialLR(
        opt, [s.LinearLR(opt, start_factor=0.01, total_iters=5), s.CosineAnnealingLR(opt, T_max=20)],
        milestones=[5]),
    "SequentialLR three": lambda s, opt: s.SequentialLR(
        opt, [s.LinearLR(opt, 0.5, total_iters=3), s.StepLR(opt, 2, 0.5), s.LambdaLR(opt, lambda t: 1.0)],
        milestones=[4, 9]),
}


def rates(scheduler, opt):
    seen = [[g["lr"] for g in opt.param_groups]]
    for _ in range(STEPS):
        opt.step()
        scheduler.step()
        seen.append([g["lr"] for g in opt.param_groups])
        assert scheduler.get_last_lr() == seen[-1]
    return np.array(seen)


@pytest.mark.parametrize("name", SCHEDULES)
def test_rates_match_pytorch(name):
    torch = pytest.importorskip("torch")
    opt = optimiser()
    ours = rates(SCHEDULES[name](optim.lr_scheduler, opt), opt)
    their_opt = optimiser(library=torch.optim, tensor=lambda: torch.zeros(2, requires_grad=True))
    theirs = rates(SCHEDULES[name](torch.optim.lr_scheduler, their_opt), their_opt)
    np.testing.assert_allclose(ours, theirs, rtol=1e-12, atol=1e-15)


def test_the_formulas():
    opt = optimiser(lr=1.0)
    s = optim.lr_scheduler.CosineAnnealingLR(opt, T_max=10)
    seen = rates(s, opt)[:, 0]
    np.testing.assert_allclose(seen[:11], [(1 + math.cos(math.pi * t / 10)) / 2 for t in range(11)])
    opt = optimiser(lr=1.0)
    seen = rates(optim.lr_scheduler.StepLR(opt, step_size=3, gamma=0.1), opt)[:, 0]
    np.testing.assert_allclose(seen[:7], [1, 1, 1, 0.1, 0.1, 0.1, 0.01])
    opt = optimiser(lr=2.0)
    seen = rates(optim.lr_scheduler.LinearLR(opt, start_factor=0.25, total_iters=3), opt)[:, 0]
    np.testing.assert_allclose(seen[:5], [0.5, 1.0, 1.5, 2.0, 2.0])


def test_the_optimiser_steps_with_the_scheduled_rate():
    p = Tensor(np.zeros(1), requires_grad=True)
    opt = optim.SGD([p], lr=1.0)
    scheduler = optim.lr_scheduler.StepLR(opt, step_size=1, gamma=0.5)
    moves = []
    for _ in range(3):
        opt.zero_grad()
        p.sum().backward()                                   # dL/dp = 1
        before = p.data.copy()
        opt.step()
        scheduler.step()
        moves.append(float(before[0] - p.data[0]))
    assert moves == [1.0, 0.5, 0.25]


def test_state_dict_resumes_the_schedule():
    opt = optimiser(lr=1.0)
    s = optim.lr_scheduler.CosineAnnealingLR(opt, T_max=10)
    for _ in range(4):
        s.step()
    state = s.state_dict()
    assert "optimizer" not in state and state["last_epoch"] == 4
    fresh = optim.lr_scheduler.CosineAnnealingLR(optimiser(lr=1.0), T_max=10)
    fresh.load_state_dict(state)
    fresh.step()
    s.step()
    assert fresh.get_last_lr() == s.get_last_lr()


@pytest.mark.parametrize("call,message", [
    (lambda: optim.lr_scheduler.StepLR(object(), 2), r"StepLR: expected an optimiser with param_groups"),
    (lambda: optim.lr_scheduler.StepLR(optimiser(), 0), r"StepLR: step_size must be a positive integer"),
    (lambda: optim.lr_scheduler.CosineAnnealingLR(optimiser(), 0), r"T_max must be a positive integer"),
    (lambda: optim.lr_scheduler.LinearLR(optimiser(), start_factor=0), r"LinearLR: need 0 < start_factor"),
    (lambda: optim.lr_scheduler.LambdaLR(optimiser(), [lambda t: 1.0]), r"1 lr_lambdas for 2 parameter groups"),
    (lambda: (lambda o: optim.lr_scheduler.SequentialLR(o, [optim.lr_scheduler.StepLR(o, 2)], [3]))(optimiser()),
     r"SequentialLR: expected 0 increasing milestones for 1 schedulers"),
    (lambda: optim.lr_scheduler.SequentialLR(optimiser(), [optim.lr_scheduler.StepLR(optimiser(), 2)], []),
     r"every scheduler must drive the optimiser"),
])
def test_bad_arguments_are_clear_errors(call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call()
