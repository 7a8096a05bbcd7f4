"""Stochastic gradient descent (``optim.SGD``), with momentum and weight decay."""

from __future__ import annotations

from typing import Any

from .optimizer import Optimizer, Params


class SGD(Optimizer):
    """Stochastic gradient descent, with optional momentum μ and weight decay λ (PyTorch's form).

    g ← ∇p + λ p;  v ← μ v + g (v = g at the first step);  p ← p − lr · v
    (without momentum: p ← p − lr · g). The velocity ``v`` is ``state[p]["momentum_buffer"]``.
    """

    def __init__(self, params: Params, lr: float, momentum: float = 0.0,
                 weight_decay: float = 0.0) -> None:
        super().__init__(params, {"lr": lr, "momentum": momentum, "weight_decay": weight_decay})

    def _check(self, group: dict[str, Any]) -> None:
        super()._check(group)
        if not 0.0 <= group["momentum"] < 1.0 or group["weight_decay"] < 0:
            raise ValueError(f"SGD: need 0 ≤ momentum < 1 and weight_decay ≥ 0, got "
                             f"momentum={group['momentum']}, weight_decay={group['weight_decay']}")

    def step(self) -> None:
        for group in self.param_groups:
            lr, momentum = group["lr"], group["momentum"]
            for p, g in self._gradients(group):                     # g ← ∇p + λ p
                if momentum:
                    state = self.state.setdefault(p, {})
                    if "momentum_buffer" not in state:
                        state["momentum_buffer"] = g.copy()          # v = g
                    else:
                        v = state["momentum_buffer"]
                        v *= momentum                                # v ← μ v + g
                        v += g
                    g = state["momentum_buffer"]
                p.data -= lr * g                                     # p ← p − lr · g
