"""Adagrad (``optim.Adagrad``): each parameter's step divided by its accumulated gradient norm."""

from __future__ import annotations

from typing import Any

import numpy as np

from .optimizer import Optimizer, Params


class Adagrad(Optimizer):
    """Adagrad (Duchi et al., 2011), PyTorch's form: rarely-moved parameters take larger steps.

    g ← ∇p + λ p;  lrₜ = lr / (1 + (t − 1) · lr_decay);  s ← s + g²;  p ← p − lrₜ · g / (√s + ε).
    ``s`` is ``state[p]["sum"]`` (starting at ``initial_accumulator_value``), ``t`` is ``["step"]``.
    """

    def __init__(self, params: Params, lr: float = 1e-2, lr_decay: float = 0.0,
                 weight_decay: float = 0.0, initial_accumulator_value: float = 0.0,
                 eps: float = 1e-10) -> None:
        super().__init__(params, {"lr": lr, "lr_decay": lr_decay, "weight_decay": weight_decay,
                                  "initial_accumulator_value": initial_accumulator_value, "eps": eps})

    def _check(self, group: dict[str, Any]) -> None:
        super()._check(group)
        if group["lr_decay"] < 0 or group["weight_decay"] < 0 or group["eps"] <= 0 \
                or group["initial_accumulator_value"] < 0:
            raise ValueError(f"Adagrad: need lr_decay ≥ 0, weight_decay ≥ 0, eps > 0 and "
                             f"initial_accumulator_value ≥ 0, got lr_decay={group['lr_decay']}, "
                             f"weight_decay={group['weight_decay']}, eps={group['eps']}, "
                             f"initial_accumulator_value={group['initial_accumulator_value']}")

    def step(self) -> None:
        for group in self.param_groups:
            lr, lr_decay, eps = group["lr"], group["lr_decay"], group["eps"]
            for p, g in self._gradients(group):                     # g ← ∇p + λ p
                state = self.state.setdefault(p, {})
                if not state:
                    state.update(step=0, sum=np.full_like(p.data, group["initial_accumulator_value"]))
                state["step"] += 1
                clr = lr / (1 + (state["step"] - 1) * lr_decay)      # lrₜ = lr / (1 + (t − 1) lr_decay)
                s = state["sum"]
                s += g * g                                           # s ← s + g²
                p.data -= clr * g / (np.sqrt(s) + eps)               # p ← p − lrₜ · g / (√s + ε)
