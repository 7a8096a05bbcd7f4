"""Optimisers: turn gradients into parameter updates (``import minigrad.optim as optim``).

The layout is PyTorch's. ``param_groups`` is a list of dicts, each with its ``"params"`` and
its hyper-parameters (``"lr"``, ``"momentum"``, …), so that layers can learn at different
rates and a schedule can change the rate between epochs::

    optimizer.param_groups[0]["lr"] = 1e-3

``state`` maps a parameter to what the optimiser remembers about it (``"momentum_buffer"``
for SGD; ``"step"``, ``"exp_avg"`` and ``"exp_avg_sq"`` for Adam), created at its first update.
``state_dict()`` and ``load_state_dict()`` save and restore both, with parameters numbered in
order. Parameters whose ``grad`` is None (unused, or frozen) are left alone.
"""

from __future__ import annotations

import copy
from typing import Any, Iterable

import numpy as np

from .tensor import Tensor

Params = Iterable[Tensor] | Iterable[dict[str, Any]]


class Optimizer:
    """The bookkeeping every optimiser shares; subclasses define ``step`` and ``_check``."""

    def __init__(self, params: Params, defaults: dict[str, Any]) -> None:
        name = type(self).__name__
        if isinstance(params, (Tensor, dict)) or not hasattr(params, "__iter__"):
            raise TypeError(f"{name}: expected an iterable of tensors such as model.parameters() "
                            f"(or a list of parameter groups, dicts), got a {type(params).__name__}")
        self.defaults = defaults
        self.state: dict[Tensor, dict[str, Any]] = {}
        self.param_groups: list[dict[str, Any]] = []
        groups = list(params)
        if not groups:
            raise ValueError(f"{name}: got an empty parameter list")
        for group in groups if isinstance(groups[0], dict) else [{"params": groups}]:
            self.add_param_group(group)

    def add_param_group(self, group: dict[str, Any]) -> None:
        """Add a group: ``{"params": [...], "lr": ...}``; settings left out take the defaults."""
        name = type(self).__name__
        if not isinstance(group, dict) or "params" not in group:
            raise TypeError(f"{name}: a parameter group is a dict with a 'params' key, got {group!r:.60}")
        unknown = sorted(set(group) - set(self.defaults) - {"params"})
        if unknown:
            raise ValueError(f"{name}: unknown settings {unknown} in a parameter group; "
                             f"known: {sorted(self.defaults)}")
        params = group["params"]
        params = [params] if isinstance(params, Tensor) else list(params)
        for i, p in enumerate(params):
            if not isinstance(p, Tensor) or not p.requires_grad:
                what = type(p).__name__ if not isinstance(p, Tensor) else "tensor without requires_grad"
                raise TypeError(f"{name}: parameter {i} is a {what}; "
                                f"optimisers update tensors that require grad")
        taken = {id(p) for g in self.param_groups for p in g["params"]}
        if any(id(p) in taken for p in params) or len({id(p) for p in params}) < len(params):
            raise ValueError(f"{name}: a parameter appears twice (in one group or in two)")
        group = {**self.defaults, **group, "params": params}
        self._check(group)
        self.param_groups.append(group)

    def _check(self, group: dict[str, Any]) -> None:
        if group["lr"] <= 0:
            raise ValueError(f"{type(self).__name__}: learning rate must be positive, got {group['lr']}")

    @property
    def lr(self) -> Any:
        raise AttributeError(f"{type(self).__name__} has no attribute 'lr': each parameter group "
                             f"has its own, optimizer.param_groups[0]['lr'] (as in PyTorch)")

    @lr.setter
    def lr(self, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__}.lr cannot be set: the learning rate lives in "
                             f"the parameter groups; use optimizer.param_groups[0]['lr'] = {value!r} "
                             f"(for every group: for g in optimizer.param_groups: g['lr'] = ...)")

    def zero_grad(self, set_to_none: bool = True) -> None:
        """Forget the gradients: set them to None, or to zeros with ``set_to_none=False``."""
        for group in self.param_groups:
            for p in group["params"]:
                if set_to_none or p.grad is None:
                    p.grad = None
                else:
                    p.grad.zero_()

    # --- saving and restoring -------------------------------------------------------------
    def state_dict(self) -> dict[str, Any]:
        """``{"state": {0: {...}, ...}, "param_groups": [{"lr": ..., "params": [0, 1, ...]}, ...]}``:
        parameters numbered in the order of the groups, arrays copied."""
        index: dict[int, int] = {}
        groups = []
        for group in self.param_groups:
            packed = {k: v for k, v in group.items() if k != "params"}
            packed["params"] = [index.setdefault(id(p), len(index)) for p in group["params"]]
            groups.append(packed)
        state = {index[id(p)]: {k: copy.deepcopy(v) for k, v in s.items()}
                 for p, s in self.state.items() if id(p) in index}
        return {"state": dict(sorted(state.items())), "param_groups": groups}

    def load_state_dict(self, state_dict: dict[str, Any]) -> None:
        """Restore what ``state_dict()`` gave, into an optimiser over the same parameters."""
        name = type(self).__name__
        if not isinstance(state_dict, dict) or set(state_dict) != {"state", "param_groups"}:
            raise ValueError(f"{name}.load_state_dict: expected a dict with keys 'state' and "
                             f"'param_groups' (from optimizer.state_dict())")
        saved = state_dict["param_groups"]
        sizes = [len(g["params"]) for g in self.param_groups]
        if [len(g["params"]) for g in saved] != sizes:
            raise ValueError(f"{name}.load_state_dict: the saved groups hold "
                             f"{[len(g['params']) for g in saved]} parameters, this optimiser's {sizes}")
        params = {i: p for g, s in zip(self.param_groups, saved) for i, p in zip(s["params"], g["params"])}
        state = {}
        for i, values in state_dict["state"].items():
            p = params.get(int(i))
            if p is None:
                raise ValueError(f"{name}.load_state_dict: state for parameter {i}, which no group holds")
            state[p] = {}
            for key, value in values.items():
                if isinstance(value, (np.ndarray, Tensor)):
                    value = np.array(value.data if isinstance(value, Tensor) else value, dtype=p.dtype)
                    if value.shape != p.shape:
                        raise ValueError(f"{name}.load_state_dict: {key} of parameter {i} has shape "
                                         f"{value.shape}, the parameter {p.shape}")
                elif isinstance(value, np.generic):  # a number read back from a file
                    value = value.item()
                state[p][key] = value
        for group, s in zip(self.param_groups, saved):
            group.update({k: v.item() if isinstance(v, np.generic) else v
                          for k, v in s.items() if k != "params"})
        self.state = state

    def __repr__(self) -> str:
        lines = [f"{type(self).__name__} ("]
        for i, group in enumerate(self.param_groups):
            settings = ", ".join(f"{k}={v}" for k, v in group.items() if k != "params")
            lines.append(f"  group {i}: {len(group['params'])} parameters, {settings}")
        return "\n".join(lines + [")"])


class SGD(Optimizer):
    """Stochastic gradient descent, with optional momentum μ and weight decay λ (PyTorch's form).

    g ← ∇p + λ p;  b ← μ b + g (b = g at the first step);  p ← p − lr · b
    (without momentum: p ← p − lr · g). ``b`` is ``state[p]["momentum_buffer"]``.
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
            lr, momentum, weight_decay = group["lr"], group["momentum"], group["weight_decay"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                g = p.grad.data                                      # the gradient's numpy array
                if weight_decay:
                    g = g + weight_decay * p.data                    # g ← ∇p + λ p
                if momentum:
                    state = self.state.setdefault(p, {})
                    if "momentum_buffer" not in state:
                        state["momentum_buffer"] = g.copy()          # b = g
                    else:
                        b = state["momentum_buffer"]
                        b *= momentum                                # b ← μ b + g
                        b += g
                    g = state["momentum_buffer"]
                p.data -= lr * g                                     # p ← p − lr · g


class Adam(Optimizer):
    """Adam: a moving average of the gradient and of its square, with bias correction.

    m ← β₁ m + (1 − β₁) g;  v ← β₂ v + (1 − β₂) g²;  m̂ = m / (1 − β₁ᵗ);  v̂ = v / (1 − β₂ᵗ)
    p ← p − lr · m̂ / (√v̂ + ε), where g = ∇p + λ p (weight decay λ) and t counts the steps.
    ``m``, ``v`` and ``t`` are ``state[p]["exp_avg"]``, ``["exp_avg_sq"]`` and ``["step"]``.
    """

    def __init__(self, params: Params, lr: float = 1e-3, betas: tuple[float, float] = (0.9, 0.999),
                 eps: float = 1e-8, weight_decay: float = 0.0) -> None:
        super().__init__(params, {"lr": lr, "betas": betas, "eps": eps, "weight_decay": weight_decay})

    def _check(self, group: dict[str, Any]) -> None:
        super()._check(group)
        betas, eps, weight_decay = group["betas"], group["eps"], group["weight_decay"]
        if len(betas) != 2 or not all(0.0 <= b < 1.0 for b in betas) or eps <= 0 or weight_decay < 0:
            raise ValueError(f"Adam: need two betas in [0, 1), eps > 0 and weight_decay ≥ 0, "
                             f"got betas={betas}, eps={eps}, weight_decay={weight_decay}")

    def step(self) -> None:
        for group in self.param_groups:
            lr, (beta1, beta2), eps, weight_decay = (group["lr"], group["betas"], group["eps"],
                                                     group["weight_decay"])
            for p in group["params"]:
                if p.grad is None:
                    continue
                g = p.grad.data                                      # the gradient's numpy array
                if weight_decay:
                    g = g + weight_decay * p.data                    # g ← ∇p + λ p
                state = self.state.setdefault(p, {})
                if not state:
                    state.update(step=0, exp_avg=np.zeros_like(p.data), exp_avg_sq=np.zeros_like(p.data))
                m, v = state["exp_avg"], state["exp_avg_sq"]
                state["step"] += 1
                t = state["step"]
                m[...] = beta1 * m + (1 - beta1) * g                 # m ← β₁ m + (1 − β₁) g
                v[...] = beta2 * v + (1 - beta2) * g * g             # v ← β₂ v + (1 − β₂) g²
                m_hat = m / (1 - beta1 ** t)                         # m̂ = m / (1 − β₁ᵗ)
                v_hat = v / (1 - beta2 ** t)                         # v̂ = v / (1 − β₂ᵗ)
                p.data -= lr * m_hat / (np.sqrt(v_hat) + eps)        # p ← p − lr · m̂ / (√v̂ + ε)


from . import lr_scheduler  # noqa: E402,F401  (optim.lr_scheduler.StepLR, as in PyTorch)
