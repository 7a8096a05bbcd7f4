"""Adam (``optim.Adam``): per-parameter steps from moving averages of the gradient and its square."""

from __future__ import annotations

from typing import Any

import numpy as np

from .optimizer import Optimizer, Params


class Adam(Optimizer):
    """Adam: a moving average of the gradient and of its square, with bias correction.

    m ← β₁ m + (1 − β₁) g;  s ← β₂ s + (1 − β₂) g²;  m̂ = m / (1 − β₁ᵗ);  ŝ = s / (1 − β₂ᵗ)
    p ← p − lr · m̂ / (√ŝ + ε), where g = ∇p + λ p (weight decay λ) and t counts the steps
    (:class:`AdamW` decays the weights directly instead: p ← p − lr λ p, and g = ∇p).
    ``m``, ``s`` and ``t`` are ``state[p]["exp_avg"]``, ``["exp_avg_sq"]`` and ``["step"]``.
    """

    decoupled = False  # AdamW's weight decay

    def __init__(self, params: Params, lr: float = 1e-3, betas: tuple[float, float] = (0.9, 0.999),
                 eps: float = 1e-8, weight_decay: float = 0.0) -> None:
        super().__init__(params, {"lr": lr, "betas": betas, "eps": eps, "weight_decay": weight_decay})

    def _check(self, group: dict[str, Any]) -> None:
        super()._check(group)
        betas, eps, weight_decay = group["betas"], group["eps"], group["weight_decay"]
        if len(betas) != 2 or not all(0.0 <= b < 1.0 for b in betas) or eps <= 0 or weight_decay < 0:
            raise ValueError(f"{type(self).__name__}: need two betas in [0, 1), eps > 0 and weight_decay ≥ 0, "
                             f"got betas={betas}, eps={eps}, weight_decay={weight_decay}")

    def step(self) -> None:
        for group in self.param_groups:
            lr, (beta1, beta2), eps, weight_decay = (group["lr"], group["betas"], group["eps"],
                                                     group["weight_decay"])
            for p in group["params"]:
                if p.grad is None:
                    continue
                g = p.grad.data                                      # the gradient's numpy array
                if weight_decay and self.decoupled:
                    p.data *= 1 - lr * weight_decay                  # p ← p − lr λ p (AdamW)
                elif weight_decay:
                    g = g + weight_decay * p.data                    # g ← ∇p + λ p
                state = self.state.setdefault(p, {})
                if not state:
                    state.update(step=0, exp_avg=np.zeros_like(p.data), exp_avg_sq=np.zeros_like(p.data))
                m, s = state["exp_avg"], state["exp_avg_sq"]
                state["step"] += 1
                t = state["step"]
                m[...] = beta1 * m + (1 - beta1) * g                 # m ← β₁ m + (1 − β₁) g
                s[...] = beta2 * s + (1 - beta2) * g * g             # s ← β₂ s + (1 − β₂) g²
                m_hat = m / (1 - beta1 ** t)                         # m̂ = m / (1 − β₁ᵗ)
                s_hat = s / (1 - beta2 ** t)                         # ŝ = s / (1 − β₂ᵗ)
                p.data -= lr * m_hat / (np.sqrt(s_hat) + eps)        # p ← p − lr · m̂ / (√ŝ + ε)



class AdamW(Adam):
    """Adam with decoupled weight decay (Loshchilov & Hutter, 2019): each step first shrinks
    the weights, p ← p − lr λ p, then takes Adam's step with the plain gradient g = ∇p.
    ``weight_decay`` defaults to 0.01, as in PyTorch."""

    decoupled = True

    def __init__(self, params: Params, lr: float = 1e-3, betas: tuple[float, float] = (0.9, 0.999),
                 eps: float = 1e-8, weight_decay: float = 1e-2) -> None:
        super().__init__(params, lr=lr, betas=betas, eps=eps, weight_decay=weight_decay)
