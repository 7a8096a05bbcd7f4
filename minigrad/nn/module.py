"""``Module``: the base of every layer and model, with PyTorch's interface.

A module finds its parameters and sub-modules by looking at its own attributes,
in the order they were assigned: ``self.fc = Linear(2, 3)`` is enough to make
``fc.weight`` and ``fc.bias`` part of ``parameters()`` and ``state_dict()``.
"""

from __future__ import annotations

from typing import Any, Iterator, Mapping, NamedTuple

import numpy as np

from ..tensor import Tensor


class LoadResult(NamedTuple):
    """What ``load_state_dict`` skipped (always empty with ``strict=True``)."""

    missing_keys: list[str]
    unexpected_keys: list[str]


class Parameter(Tensor):
    """A tensor that is a learnable part of a module (it always starts requiring grad)."""

    __slots__ = ()

    def __init__(self, data: Any) -> None:
        super().__init__(data, requires_grad=True)


class Module:
    """Base class: subclasses assign layers/parameters in ``__init__`` and define ``forward``."""

    training = True  # switched by train()/eval(); Dropout reads it

    def forward(self, *args: Any) -> Any:
        raise NotImplementedError(f"{type(self).__name__} must define forward()")

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        # numpy arrays are taken as constant inputs (PyTorch would ask for a tensor first).
        args = tuple(Tensor(a) if isinstance(a, np.ndarray) else a for a in args)
        return self.forward(*args, **kwargs)

    # --- what the module is made of -------------------------------------------
    def named_children(self) -> Iterator[tuple[str, Module]]:
        for name, value in vars(self).items():
            if isinstance(value, Module):
                yield name, value

    def children(self) -> Iterator[Module]:
        for _, child in self.named_children():
            yield child

    def modules(self) -> Iterator[Module]:
        """This module and every module inside it, depth first."""
        yield self
        for child in self.children():
            yield from child.modules()

    def named_parameters(self, prefix: str = "") -> Iterator[tuple[str, Parameter]]:
        """(dotted name, parameter) pairs: ``0.weight``, ``encoder.1.bias``, …

        A parameter shared by two layers (tied weights, a layer used twice) is listed
        once, under its first name, so an optimiser updates it once per step.
        """
        seen: set[int] = set()
        for name, p in self._all_parameters(prefix):
            if id(p) not in seen:
                seen.add(id(p))
                yield name, p

    def _all_parameters(self, prefix: str) -> Iterator[tuple[str, Parameter]]:
        for name, value in vars(self).items():
            if isinstance(value, Parameter):
                yield prefix + name, value
            elif isinstance(value, Module):
                yield from value._all_parameters(prefix + name + ".")

    def parameters(self) -> Iterator[Parameter]:
        for _, p in self.named_parameters():
            yield p

    def zero_grad(self) -> None:
        for p in self.parameters():
            p.grad = None

    # --- modes ---------------------------------------------------------------------
    def train(self, mode: bool = True) -> Module:
        for m in self.modules():
            m.training = mode
        return self

    def eval(self) -> Module:
        return self.train(False)

    # --- saving and loading -----------------------------------------------------------
    def state_dict(self) -> dict[str, np.ndarray]:
        """A copy of every parameter's array, by dotted name."""
        return {name: p.data.copy() for name, p in self.named_parameters()}

    def load_state_dict(self, state_dict: Mapping[str, Any], strict: bool = True) -> LoadResult:
        """Copy arrays into the parameters with the same names; returns (missing, unexpected).

        Shapes must match. With ``strict=True`` the names must match exactly; with
        ``strict=False`` missing and unexpected names are skipped and returned. Every
        problem is listed in one ``ValueError``, and nothing is copied unless all is well.
        """
        if not isinstance(state_dict, Mapping):
            raise TypeError(f"load_state_dict into {type(self).__name__}: expected a dict of "
                            f"arrays, got {type(state_dict).__name__} (to read a file, use "
                            f"model.load_state_dict(minigrad.load(path)))")
        own = dict(self.named_parameters())
        missing = [k for k in own if k not in state_dict]
        unexpected = [k for k in state_dict if k not in own]
        arrays, mismatched = {}, []
        for name in (k for k in own if k in state_dict):
            value = state_dict[name]
            try:
                arrays[name] = np.asarray(value.data if isinstance(value, Tensor) else value,
                                          dtype=own[name].dtype)
            except (TypeError, ValueError):
                mismatched.append(f"{name}: {type(value).__name__} {value!r:.40} is not numbers")
                continue
            if arrays[name].shape != own[name].shape:
                mismatched.append(f"{name}: file {arrays[name].shape}, model {own[name].shape}")
        problems = []
        if strict and missing:
            problems.append("missing keys: " + ", ".join(missing))
        if strict and unexpected:
            problems.append("unexpected keys: " + ", ".join(unexpected))
        if mismatched:
            problems.append("shape mismatches: " + "; ".join(mismatched))
        if problems:
            raise ValueError(f"load_state_dict into {type(self).__name__}: " + " | ".join(problems))
        for name, array in arrays.items():
            own[name].data[...] = array
        return LoadResult(missing, unexpected)

    # --- display ---------------------------------------------------------------------
    def extra_repr(self) -> str:
        return ""

    def __repr__(self) -> str:
        children = list(self.named_children())
        if not children:
            return f"{type(self).__name__}({self.extra_repr()})"
        lines = [f"{type(self).__name__}("]
        for name, child in children:
            lines.append("  (" + name + "): " + repr(child).replace("\n", "\n  "))
        return "\n".join(lines + [")"])
