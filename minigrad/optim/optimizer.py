"""The base of every optimiser: parameter groups, per-parameter state, saving and restoring.

See :mod:`minigrad.optim` for the layout, which is PyTorch's.
"""

from __future__ import annotations

import copy
from typing import Any, Iterable, Iterator

import numpy as np

from ..tensor import Tensor

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

    def _gradients(self, group: dict[str, Any]) -> Iterator[tuple[Tensor, np.ndarray]]:
        """Each parameter of ``group`` that has a gradient, with its gradient g = ∇p + λ p.

        λ is the group's ``weight_decay``: the gradient of a penalty ½λ‖p‖² on large weights,
        added here once for every optimiser. A parameter without a gradient (frozen, or not
        used by the loss) is skipped.
        """
        weight_decay = group.get("weight_decay", 0.0)
        for p in group["params"]:
            grad = p.grad
            if grad is not None:
                g = grad.data                                        # the gradient's numpy array
                yield p, g + weight_decay * p.data if weight_decay else g

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
