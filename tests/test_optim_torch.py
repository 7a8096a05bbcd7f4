"""Every optimiser against torch.optim: the same parameters and gradients, several steps,
the same values (skipped without torch); and a clear error for bad hyper-parameters."""

import numpy as np
import pytest

import minigrad.optim as optim
from minigrad import Tensor

CASES = [("SGD", {"lr": 0.1, "momentum": 0.9, "weight_decay": 0.01}),
         ("Adam", {"lr": 0.01, "weight_decay": 0.1}),
         ("AdamW", {"lr": 0.01}), ("AdamW", {"lr": 0.1, "weight_decay": 0.5}),
         ("RMSprop", {}), ("RMSprop", {"lr": 0.01, "momentum": 0.9, "weight_decay": 0.1, "alpha": 0.9}),
         ("Adadelta", {}), ("Adadelta", {"lr": 0.5, "rho": 0.8, "weight_decay": 0.1}),
         ("Adagrad", {}), ("Adagrad", {"lr": 0.1, "lr_decay": 0.1, "weight_decay": 0.1,
                                       "initial_accumulator_value": 0.5})]


@pytest.mark.parametrize("name,kwargs", CASES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(CASES)])
def test_steps_match_torch(name, kwargs):
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(0)
    start = rng.normal(size=(3, 4))
    ours, theirs = Tensor(start.copy(), requires_grad=True), torch.tensor(start.copy(), requires_grad=True)
    ours_opt, theirs_opt = getattr(optim, name)([ours], **kwargs), getattr(torch.optim, name)([theirs], **kwargs)
    for _ in range(5):
        grad = rng.normal(size=(3, 4))
        ours.grad, theirs.grad = grad.copy(), torch.tensor(grad.copy())
        ours_opt.step()
        theirs_opt.step()
        assert np.allclose(ours.numpy(), theirs.detach().numpy(), rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("name,bad", [("RMSprop", {"alpha": 1.5}), ("Adadelta", {"rho": -1}),
                                      ("Adagrad", {"eps": 0}), ("AdamW", {"betas": (0.9, 1.0)})])
def test_bad_hyper_parameters_are_refused(name, bad):
    with pytest.raises(ValueError, match=f"{name}: need"):
        getattr(optim, name)([Tensor(np.zeros(2), requires_grad=True)], **bad)


def test_lr_scheduler_lives_in_optim():
    from minigrad.optim.lr_scheduler import StepLR
    assert optim.lr_scheduler.StepLR is StepLR
