"""Learning-rate schedules (``optim.lr_scheduler``): PyTorch's classes, names and behaviour.

A scheduler sets ``optimizer.param_groups[i]["lr"]`` for the step to come: create it after
the optimiser (creating it sets the rate of step 0) and call ``scheduler.step()`` once after
each ``optimizer.step()``::

    scheduler = optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=1000)
    for batch in batches:
        ...; optimizer.step(); scheduler.step()

Each schedule here is a function of the step number t (``lr_at``), computed from the rates the
groups started with (``base_lrs``, kept in each group as ``"initial_lr"``). PyTorch computes
most of them step by step from the previous rate instead; the rates are the same, except
that a rate changed by hand between two steps is overwritten here at the next step.
"""

from __future__ import annotations

import bisect
import math
from typing import Any, Callable, Sequence


class LRScheduler:
    """The base of every scheduler: ``step()`` moves to the next t and writes each group's rate."""

    def __init__(self, optimizer: Any, last_epoch: int = -1) -> None:
        groups = getattr(optimizer, "param_groups", None)
        if not isinstance(groups, list) or not all(isinstance(g, dict) and "lr" in g for g in groups):
            raise TypeError(f"{type(self).__name__}: expected an optimiser with param_groups "
                            f"(a list of dicts with 'lr'), got {type(optimizer).__name__}")
        self.optimizer = optimizer
        for group in groups:
            group.setdefault("initial_lr", group["lr"])
        self.base_lrs = [group["initial_lr"] for group in groups]
        self.last_epoch = last_epoch
        self.step()

    def lr_at(self, t: int) -> list[float]:
        """The learning rate of each parameter group at step ``t`` (0 is the first)."""
        raise NotImplementedError(f"{type(self).__name__} must define lr_at(t)")

    def step(self) -> None:
        self.last_epoch += 1
        self._last_lr = self.lr_at(self.last_epoch)
        for group, lr in zip(self.optimizer.param_groups, self._last_lr):
            group["lr"] = lr

    def get_last_lr(self) -> list[float]:
        """The rates the last ``step()`` (or the creation) set, one per parameter group."""
        return list(self._last_lr)

    def state_dict(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items() if k != "optimizer"}

    def load_state_dict(self, state_dict: dict[str, Any]) -> None:
        vars(self).update(state_dict)


class LambdaLR(LRScheduler):
    """lr(t) = base_lr · lr_lambda(t); ``lr_lambda`` a function, or one per parameter group."""

    def __init__(self, optimizer: Any, lr_lambda: Callable[[int], float] | Sequence[Callable],
                 last_epoch: int = -1) -> None:
        n = len(optimizer.param_groups)
        self.lr_lambdas = list(lr_lambda) if isinstance(lr_lambda, (list, tuple)) else [lr_lambda] * n
        if len(self.lr_lambdas) != n:
            raise ValueError(f"LambdaLR: {len(self.lr_lambdas)} lr_lambdas for {n} parameter groups")
        super().__init__(optimizer, last_epoch)

    def lr_at(self, t: int) -> list[float]:
        return [base * f(t) for base, f in zip(self.base_lrs, self.lr_lambdas)]


class StepLR(LRScheduler):
    """lr(t) = base_lr · gamma^⌊t / step_size⌋: divided by 1/gamma every ``step_size`` steps."""

    def __init__(self, optimizer: Any, step_size: int, gamma: float = 0.1, last_epoch: int = -1) -> None:
        if step_size < 1:
            raise ValueError(f"StepLR: step_size must be a positive integer, got {step_size}")
        self.step_size, self.gamma = step_size, gamma
        super().__init__(optimizer, last_epoch)

    def lr_at(self, t: int) -> list[float]:
        return [base * self.gamma ** (t // self.step_size) for base in self.base_lrs]


class LinearLR(LRScheduler):
    """lr(t) = base_lr · (start + (end − start) · min(t, total_iters) / total_iters).

    With ``start_factor`` small, a linear *warm-up*: the rate grows from start·base_lr to
    end·base_lr over ``total_iters`` steps, then stays there.
    """

    def __init__(self, optimizer: Any, start_factor: float = 1.0 / 3, end_factor: float = 1.0,
                 total_iters: int = 5, last_epoch: int = -1) -> None:
        if not (0 < start_factor <= 1 and 0 <= end_factor <= 1) or total_iters < 1:
            raise ValueError(f"LinearLR: need 0 < start_factor ≤ 1, 0 ≤ end_factor ≤ 1 and "
                             f"total_iters ≥ 1, got {start_factor}, {end_factor}, {total_iters}")
        self.start_factor, self.end_factor, self.total_iters = start_factor, end_factor, total_iters
        super().__init__(optimizer, last_epoch)

    def lr_at(self, t: int) -> list[float]:
        fraction = min(t, self.total_iters) / self.total_iters
        factor = self.start_factor + (self.end_factor - self.start_factor) * fraction
        return [base * factor for base in self.base_lrs]


class CosineAnnealingLR(LRScheduler):
    """lr(t) = η_min + (base_lr − η_min) · (1 + cos(π t / T_max)) / 2 (Loshchilov & Hutter, 2017).

    Half a cosine from base_lr at t = 0 down to ``eta_min`` at t = ``T_max``.
    """

    def __init__(self, optimizer: Any, T_max: int, eta_min: float = 0.0, last_epoch: int = -1) -> None:
        if T_max < 1:
            raise ValueError(f"CosineAnnealingLR: T_max must be a positive integer, got {T_max}")
        self.T_max, self.eta_min = T_max, eta_min
        super().__init__(optimizer, last_epoch)

    def lr_at(self, t: int) -> list[float]:
        cosine = (1 + math.cos(math.pi * t / self.T_max)) / 2
        return [self.eta_min + (base - self.eta_min) * cosine for base in self.base_lrs]


class SequentialLR(LRScheduler):
    """``schedulers[i]`` from step ``milestones[i - 1]`` on, each restarted at its own t = 0.

    Warm-up then cosine decay, say: ``SequentialLR(opt, [LinearLR(opt, 0.01, total_iters=100),
    CosineAnnealingLR(opt, T_max=900)], milestones=[100])``.
    """

    def __init__(self, optimizer: Any, schedulers: Sequence[LRScheduler], milestones: Sequence[int],
                 last_epoch: int = -1) -> None:
        if len(milestones) != len(schedulers) - 1 or list(milestones) != sorted(milestones):
            raise ValueError(f"SequentialLR: expected {len(schedulers) - 1} increasing milestones "
                             f"for {len(schedulers)} schedulers, got {list(milestones)}")
        if any(s.optimizer is not optimizer for s in schedulers):
            raise ValueError("SequentialLR: every scheduler must drive the optimiser given to SequentialLR")
        self._schedulers, self._milestones = list(schedulers), list(milestones)
        super().__init__(optimizer, last_epoch)

    def lr_at(self, t: int) -> list[float]:
        i = bisect.bisect_right(self._milestones, t)
        return self._schedulers[i].lr_at(t - (self._milestones[i - 1] if i else 0))

    def state_dict(self) -> dict[str, Any]:
        state = super().state_dict()
        state["_schedulers"] = [s.state_dict() for s in self._schedulers]
        return state

    def load_state_dict(self, state_dict: dict[str, Any]) -> None:
        state = dict(state_dict)
        for s, saved in zip(self._schedulers, state.pop("_schedulers")):
            s.load_state_dict(saved)
        super().load_state_dict(state)
