"""``Module``: the base of every layer and model, with PyTorch's interface.

A module finds its parameters and sub-modules by looking at its own attributes,
in the order they were assigned: ``self.fc = Linear(2, 3)`` is enough to make
``fc.weight`` and ``fc.bias`` part of ``parameters()`` and ``state_dict()``.
Modules or parameters kept in a plain list or dict would be invisible to that
search, so assigning one raises and points to :class:`~minigrad.nn.ModuleList`.
Buffers (``register_buffer``) are tensors that belong to the module's state (saved
in ``state_dict()``) without being learnt (not in ``parameters()``).
"""

from __future__ import annotations

from typing import Any, Callable, Iterator, Mapping, NamedTuple

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


def _hidden_containers(value: Any) -> str | None:
    """The kind of thing ("modules" or "parameters") hidden in a plain list/tuple/set/dict."""
    items = value.values() if isinstance(value, dict) else value
    for item in items:
        if isinstance(item, Module):
            return "modules"
        if isinstance(item, Parameter):
            return "parameters"
        if isinstance(item, (list, tuple, set, dict)):
            found = _hidden_containers(item)
            if found:
                return found
    return None


class Module:
    """Base class: subclasses assign layers/parameters in ``__init__`` and define ``forward``."""

    training = True  # switched by train()/eval(); Dropout reads it

    def forward(self, *args: Any) -> Any:
        raise NotImplementedError(f"{type(self).__name__} must define forward()")

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        # numpy arrays are taken as constant inputs (PyTorch would ask for a tensor first).
        args = tuple(Tensor(a) if isinstance(a, np.ndarray) else a for a in args)
        return self.forward(*args, **kwargs)

    def __setattr__(self, name: str, value: Any) -> None:
        if type(value) in (list, tuple, set, dict):
            kind = _hidden_containers(value)
            if kind:
                container = {("modules", False): "nn.ModuleList([...])",
                             ("modules", True): "nn.ModuleDict({...})",
                             ("parameters", False): "nn.ParameterList([...])",
                             ("parameters", True): "nn.ParameterDict({...})"}[kind, type(value) is dict]
                raise TypeError(
                    f"{type(self).__name__}.{name}: a plain {type(value).__name__} holding {kind} "
                    f"hides them from parameters(), state_dict(), train() and eval(), so they would "
                    f"never be trained or saved; use {container} instead")
        buffers = self.__dict__.get("_buffers")
        if buffers and name in buffers and value is not None and not isinstance(value, Tensor):
            raise TypeError(f"{type(self).__name__}.{name} is a buffer: assign a Tensor or None, "
                            f"got {type(value).__name__}")
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        object.__delattr__(self, name)
        self.__dict__.get("_buffers", {}).pop(name, None)

    # --- registering by name ----------------------------------------------------------
    def _check_name(self, name: Any, what: str) -> None:
        if not isinstance(name, str) or not name or "." in name:
            raise KeyError(f"{type(self).__name__}.{what}: the name must be a non-empty string "
                           f"without dots, got {name!r}")
        if name in self.__dict__.get("_buffers", {}):
            return
        if hasattr(type(self), name) or (name in self.__dict__ and not isinstance(
                self.__dict__[name], (Module, Parameter, type(None)))):
            raise KeyError(f"{type(self).__name__}.{what}: attribute {name!r} already exists")

    def add_module(self, name: str, module: Module | None) -> None:
        """Add ``module`` as the child ``name`` (what ``self.<name> = module`` does)."""
        if module is not None and not isinstance(module, Module):
            raise TypeError(f"add_module: {name!r} must be a Module or None, "
                            f"got {type(module).__name__}")
        self._check_name(name, "add_module")
        setattr(self, name, module)

    def register_parameter(self, name: str, param: Parameter | None) -> None:
        """Add ``param`` as the parameter ``name``; None declares it absent (a ``bias=False``)."""
        if param is not None and not isinstance(param, Parameter):
            raise TypeError(f"register_parameter: {name!r} must be a Parameter or None, got "
                            f"{type(param).__name__} (wrap a tensor as nn.Parameter(tensor))")
        self._check_name(name, "register_parameter")
        setattr(self, name, param)

    def register_buffer(self, name: str, tensor: Tensor | None, persistent: bool = True) -> None:
        """Add ``tensor`` as the buffer ``name``: module state that is not learnt.

        A buffer is in ``buffers()`` and, if ``persistent``, in ``state_dict()``; it is never in
        ``parameters()``, so no optimiser changes it. Assign a new tensor with ``self.<name> = t``.
        """
        if tensor is not None and (not isinstance(tensor, Tensor) or isinstance(tensor, Parameter)):
            raise TypeError(f"register_buffer: {name!r} must be a Tensor (not a Parameter) or "
                            f"None, got {type(tensor).__name__}")
        self._check_name(name, "register_buffer")
        self.__dict__.setdefault("_buffers", {})[name] = persistent
        setattr(self, name, tensor)

    # --- what the module is made of -------------------------------------------
    def _own(self, kind: type) -> Iterator[tuple[str, Any]]:
        """This module's own attributes of type ``kind``, in assignment order."""
        for name, value in vars(self).items():
            if isinstance(value, kind):
                yield name, value

    def _own_buffers(self, persistent_only: bool = False) -> Iterator[tuple[str, Tensor]]:
        for name, persistent in self.__dict__.get("_buffers", {}).items():
            value = self.__dict__.get(name)
            if value is not None and (persistent or not persistent_only):
                yield name, value

    def named_children(self) -> Iterator[tuple[str, Module]]:
        """(name, module) for each direct sub-module; one used twice is listed once."""
        seen: set[int] = set()
        for name, child in self._own(Module):
            if id(child) not in seen:
                seen.add(id(child))
                yield name, child

    def children(self) -> Iterator[Module]:
        for _, child in self.named_children():
            yield child

    def named_modules(self, memo: set[int] | None = None, prefix: str = "",
                      remove_duplicate: bool = True) -> Iterator[tuple[str, Module]]:
        """(dotted name, module) for this module (named ``prefix``, "" by default) and every
        module inside it, depth first; a module reached twice is listed once unless
        ``remove_duplicate=False``. ``memo`` holds the ids of modules already listed."""
        seen = set() if memo is None else memo
        if remove_duplicate:
            if id(self) in seen:
                return
            seen.add(id(self))
        yield prefix, self
        for name, child in self._own(Module):
            yield from child.named_modules(seen, prefix + "." + name if prefix else name,
                                           remove_duplicate)

    def modules(self) -> Iterator[Module]:
        """This module and every module inside it, depth first."""
        for _, module in self.named_modules():
            yield module

    def _named_tensors(self, own: Callable[[Module], Iterator[tuple[str, Tensor]]], prefix: str,
                       recurse: bool, remove_duplicate: bool) -> Iterator[tuple[str, Tensor]]:
        modules = self.named_modules(prefix=prefix, remove_duplicate=remove_duplicate) if recurse else [(prefix, self)]
        seen: set[int] = set()
        for module_name, module in modules:
            for name, t in own(module):
                if remove_duplicate:
                    if id(t) in seen:
                        continue
                    seen.add(id(t))
                yield (module_name + "." + name if module_name else name), t

    def named_parameters(self, prefix: str = "", recurse: bool = True,
                         remove_duplicate: bool = True) -> Iterator[tuple[str, Parameter]]:
        """(dotted name, parameter) pairs: ``0.weight``, ``encoder.1.bias``, …

        Each module's own parameters come before those of its sub-modules, as in PyTorch.
        A parameter shared by two layers (tied weights, a layer used twice) is listed
        once, under its first name, so an optimiser updates it once per step.
        """
        return self._named_tensors(lambda m: m._own(Parameter), prefix, recurse, remove_duplicate)

    def parameters(self, recurse: bool = True) -> Iterator[Parameter]:
        for _, p in self.named_parameters(recurse=recurse):
            yield p

    def named_buffers(self, prefix: str = "", recurse: bool = True,
                      remove_duplicate: bool = True) -> Iterator[tuple[str, Tensor]]:
        """(dotted name, buffer) pairs, persistent or not, in the order of ``named_parameters``."""
        return self._named_tensors(lambda m: m._own_buffers(), prefix, recurse, remove_duplicate)

    def buffers(self, recurse: bool = True) -> Iterator[Tensor]:
        for _, b in self.named_buffers(recurse=recurse):
            yield b

    def apply(self, fn: Callable[[Module], Any]) -> Module:
        """Call ``fn`` on every sub-module, then on this module (e.g. to initialise weights)."""
        for child in self.children():
            child.apply(fn)
        fn(self)
        return self

    def zero_grad(self, set_to_none: bool = True) -> None:
        """Forget the gradients: set them to None, or to zeros with ``set_to_none=False``."""
        for p in self.parameters():
            if set_to_none or p.grad is None:
                p.grad = None
            else:
                p.grad.zero_()

    # --- modes ---------------------------------------------------------------------
    def train(self, mode: bool = True) -> Module:
        for m in self.modules():
            m.training = mode
        return self

    def eval(self) -> Module:
        return self.train(False)

    def to(self, *args: Any, dtype: Any = None, device: Any = None) -> Module:
        """``model.to("cpu")`` / ``model.to(device)`` return the model itself: minigrad runs on
        the CPU only, so any other device is refused. A dtype (``model.to(minigrad.float64)``)
        is refused too: cast the parameters' tensors instead."""
        from ..conversions import check_device
        from ..conversions import device as Device
        for a in args:
            if isinstance(a, (str, Device)):
                device = a
            else:
                dtype = a
        if dtype is not None:
            raise TypeError(f"{type(self).__name__}.to: changing the dtype of a module is not supported "
                            "in minigrad; see the appendix 'From minigrad to PyTorch and Keras'")
        check_device(device)
        return self

    def cpu(self) -> Module:
        """The module itself (it is on the CPU already)."""
        return self

    # --- saving and loading -----------------------------------------------------------
    def _state_tensors(self) -> dict[str, Tensor]:
        """Every parameter and persistent buffer by dotted name, a shared one under each name."""
        return dict(self._named_tensors(
            lambda m: [*m._own(Parameter), *m._own_buffers(persistent_only=True)],
            "", True, remove_duplicate=False))

    def state_dict(self) -> dict[str, np.ndarray]:
        """A copy of every parameter's and persistent buffer's array, by dotted name.

        As in PyTorch, a tensor shared by two layers appears under each of its names.
        """
        return {name: t.data.copy() for name, t in self._state_tensors().items()}

    def load_state_dict(self, state_dict: Mapping[str, Any], strict: bool = True) -> LoadResult:
        """Copy arrays into the parameters and buffers with the same names; returns
        (missing, unexpected).

        Shapes must match. With ``strict=True`` the names must match exactly; with
        ``strict=False`` missing and unexpected names are skipped and returned. A shared
        (tied) tensor is loaded from any one of its names. Every problem is listed in one
        ``ValueError``, and nothing is copied unless all is well.
        """
        if not isinstance(state_dict, Mapping):
            raise TypeError(f"load_state_dict into {type(self).__name__}: expected a dict of "
                            f"arrays, got {type(state_dict).__name__} (to read a file, use "
                            f"model.load_state_dict(minigrad.load(path)))")
        own = self._state_tensors()
        given = {id(own[k]) for k in own if k in state_dict}
        missing = [k for k in own if id(own[k]) not in given]
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
        children = list(self._own(Module))
        if not children:
            return f"{type(self).__name__}({self.extra_repr()})"
        lines = [f"{type(self).__name__}("]
        for name, child in children:
            lines.append("  (" + name + "): " + repr(child).replace("\n", "\n  "))
        return "\n".join(lines + [")"])
