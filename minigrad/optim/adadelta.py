"""Adadelta (``optim.Adadelta``): steps sized by moving averages of past steps and gradients."""

from __future__ import annotations

from typing import Any

import numpy as np

from .optimizer import Optimizer, Params


class Adadelta(Optimizer):
    """Adadelta (Zeiler, 2012), PyTorch's form: the units of a step come from past steps.

    g ← ∇p + λ p;  v ← ρ v + (1 − ρ) g²;  Δ = √(u + ε) / √(v + ε) · g;
    u ← ρ u + (1 − ρ) Δ²;  p ← p − lr · Δ. ``v`` and ``u`` are ``state[p]["square_avg"]``
    and ``state[p]["acc_delta"]``; ``lr`` defaults to 1.0, as in PyTorch.
    """

    def __init__(self, params: Params, lr: float = 1.0, rho: float = 0.9, eps: float = 1e-6,
                 weight_decay: float = 0.0) -> None:
        super().__init__(params, {"lr": lr, "rho": rho, "eps": eps, "weight_decay": weight_decay})

    def _check(self, group: dict[str, Any]) -> None:
        super()._check(group)
        if not 0.0 <= group["rho"] <= 1.0 or group["eps"] <= 0 or group["weight_decay"] < 0:
            raise ValueError(f"Adadelta: need 0 ≤ rho ≤ 1, eps > 0 and weight_decay ≥ 0, got "
                             f"rho={group['rho']}, eps={group['eps']}, weight_decay={group['weight_decay']}")

    def step(self) -> None:
        for group in self.param_groups:
            lr, rho, eps = group["lr"], group["rho"], group["eps"]
            for p, g in self._gradients(group):                     # g ← ∇p + λ p
                state = self.state.setdefault(p, {})
                if not state:
                    state.update(step=0, square_avg=np.zeros_like(p.data), acc_delta=np.zeros_like(p.data))
                state["step"] += 1
                v, u = state["square_avg"], state["acc_delta"]
                v[...] = rho * v + (1 - rho) * g * g                 # v ← ρ v + (1 − ρ) g²
                delta = np.sqrt(u + eps) / np.sqrt(v + eps) * g      # Δ = √(u + ε) / √(v + ε) · g
                u[...] = rho * u + (1 - rho) * delta * delta         # u ← ρ u + (1 − ρ) Δ²
                p.data -= lr * delta                                 # p ← p − lr · Δ
