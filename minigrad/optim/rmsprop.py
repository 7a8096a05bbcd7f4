"""RMSprop (``optim.RMSprop``): each step divided by a moving root mean square of the gradient."""

from __future__ import annotations

from typing import Any

import numpy as np

from .optimizer import Optimizer, Params


class RMSprop(Optimizer):
    """RMSprop (Hinton, 2012), PyTorch's form, with optional momentum μ and weight decay λ.

    g ← ∇p + λ p;  v ← α v + (1 − α) g²;  b ← μ b + g / (√v + ε);  p ← p − lr · b
    (without momentum: p ← p − lr · g / (√v + ε)). ``v`` is ``state[p]["square_avg"]``,
    ``b`` is ``state[p]["momentum_buffer"]``.
    """

    def __init__(self, params: Params, lr: float = 1e-2, alpha: float = 0.99, eps: float = 1e-8,
                 weight_decay: float = 0.0, momentum: float = 0.0) -> None:
        super().__init__(params, {"lr": lr, "alpha": alpha, "eps": eps,
                                  "weight_decay": weight_decay, "momentum": momentum})

    def _check(self, group: dict[str, Any]) -> None:
        super()._check(group)
        if not 0.0 <= group["alpha"] < 1.0 or group["eps"] <= 0 or group["weight_decay"] < 0 \
                or not 0.0 <= group["momentum"] < 1.0:
            raise ValueError(f"RMSprop: need 0 ≤ alpha < 1, eps > 0, weight_decay ≥ 0 and "
                             f"0 ≤ momentum < 1, got alpha={group['alpha']}, eps={group['eps']}, "
                             f"weight_decay={group['weight_decay']}, momentum={group['momentum']}")

    def step(self) -> None:
        for group in self.param_groups:
            lr, alpha, eps = group["lr"], group["alpha"], group["eps"]
            momentum = group["momentum"]
            for p, g in self._gradients(group):                     # g ← ∇p + λ p
                state = self.state.setdefault(p, {})
                if not state:
                    state.update(step=0, square_avg=np.zeros_like(p.data))
                    if momentum:
                        state["momentum_buffer"] = np.zeros_like(p.data)
                state["step"] += 1
                v = state["square_avg"]
                v[...] = alpha * v + (1 - alpha) * g * g             # v ← α v + (1 − α) g²
                direction = g / (np.sqrt(v) + eps)                   # g / (√v + ε)
                if momentum:
                    b = state["momentum_buffer"]
                    b[...] = momentum * b + direction                # b ← μ b + g / (√v + ε)
                    direction = b
                p.data -= lr * direction                             # p ← p − lr · b
