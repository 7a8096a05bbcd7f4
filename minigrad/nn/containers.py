"""Containers: modules that hold other modules or parameters, as PyTorch's do.

A module finds its parts among its attributes, so a plain Python list of layers stays
invisible to ``parameters()``. These containers store each item as an attribute named by
its position (``"0"``, ``"1"``, …) or its key, which gives PyTorch's dotted names:
``self.blocks = ModuleList([...])`` has parameters ``blocks.0.weight``, ``blocks.1.bias``, …
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Mapping

from ..tensor import Tensor
from .module import Module, Parameter


class _Indexed(Module):
    """Items stored as attributes "0", "1", …; subclasses say what an item may be."""

    def _check(self, item: Any, i: int) -> Any:
        raise NotImplementedError

    def _items(self) -> list:
        return [vars(self)[str(i)] for i in range(self.__dict__.get("_count", 0))]

    def _store(self, items: Iterable[Any]) -> None:
        """Replace every item: positions are renumbered from 0."""
        for i in range(self.__dict__.get("_count", 0)):
            object.__delattr__(self, str(i))
        items = [self._check(item, i) for i, item in enumerate(items)]
        for i, item in enumerate(items):
            setattr(self, str(i), item)
        object.__setattr__(self, "_count", len(items))

    def _index(self, i: int) -> int:
        n = len(self)
        if not -n <= i < n:
            raise IndexError(f"{type(self).__name__}: index {i} is out of range for {n} items")
        return i % n

    def __len__(self) -> int:
        return self.__dict__.get("_count", 0)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._items())

    def __getitem__(self, i: int | slice) -> Any:
        if isinstance(i, slice):
            return type(self)(self._items()[i])
        return self._items()[self._index(i)]

    def __setitem__(self, i: int, item: Any) -> None:
        items = self._items()
        items[self._index(i)] = item
        self._store(items)

    def __delitem__(self, i: int | slice) -> None:
        items = self._items()
        del items[i if isinstance(i, slice) else self._index(i)]
        self._store(items)

    def append(self, item: Any) -> _Indexed:
        self._store([*self._items(), item])
        return self

    def extend(self, items: Iterable[Any]) -> _Indexed:
        self._store([*self._items(), *items])
        return self

    def insert(self, i: int, item: Any) -> None:
        items = self._items()
        items.insert(i, item)
        self._store(items)

    def __iadd__(self, items: Iterable[Any]) -> _Indexed:
        return self.extend(items)


def _module(item: Any, container: str, i: Any) -> Module:
    if not isinstance(item, Module):
        raise TypeError(f"{container}: item {i!r} is a {type(item).__name__}, not a Module")
    return item


class Sequential(_Indexed):
    """Layers applied one after the other; ``model[0]`` is the first, ``model[1:]`` a Sequential."""

    def __init__(self, *layers: Module) -> None:
        self._store(layers)

    def _check(self, item: Any, i: int) -> Module:
        return _module(item, "Sequential", i)

    def __getitem__(self, i: int | slice) -> Any:
        # a slice of a subclass (an MLP) is a plain Sequential: the subclass's __init__ may differ
        return Sequential(*self._items()[i]) if isinstance(i, slice) else super().__getitem__(i)

    def forward(self, x: Any) -> Any:
        for layer in self._items():
            x = layer(x)
        return x


class ModuleList(_Indexed):
    """A list of modules whose parameters belong to the module holding it.

    ``self.blocks = ModuleList([Linear(2, 3), Linear(3, 1)])``: indexing, ``len``, iteration,
    ``append``, ``extend`` and ``insert`` work as on a list. It has no ``forward``: the
    owner's ``forward`` decides how the modules are used.
    """

    def __init__(self, modules: Iterable[Module] | None = None) -> None:
        self._store(modules or ())

    def _check(self, item: Any, i: int) -> Module:
        return _module(item, "ModuleList", i)


class ParameterList(_Indexed):
    """A list of parameters that belong to the module holding it (names ``0``, ``1``, …).

    A Tensor given as an item becomes a :class:`Parameter` (it then requires grad).
    """

    def __init__(self, values: Iterable[Tensor] | None = None) -> None:
        self._store(values or ())

    def _check(self, item: Any, i: int) -> Parameter:
        return _parameter(item, "ParameterList", i)


def _parameter(item: Any, container: str, key: Any) -> Parameter:
    if isinstance(item, Parameter):
        return item
    if isinstance(item, Tensor):
        return Parameter(item.data)
    raise TypeError(f"{container}: item {key!r} is a {type(item).__name__}, not a Parameter or Tensor")


class _Keyed(Module):
    """Items stored as attributes named by their keys, in insertion order."""

    _kind: type = Module

    def _check(self, item: Any, key: str) -> Any:
        raise NotImplementedError

    def _keys(self) -> list[str]:
        return [k for k, v in vars(self).items() if isinstance(v, self._kind)]

    def __setitem__(self, key: str, item: Any) -> None:
        item = self._check(item, key)
        if not isinstance(key, str) or not key or "." in key or (
                hasattr(type(self), key) or (key in vars(self) and key not in self._keys())):
            raise KeyError(f"{type(self).__name__}: key {key!r} must be a non-empty string without "
                           f"dots that is not an attribute of {type(self).__name__}")
        setattr(self, key, item)

    def __getitem__(self, key: str) -> Any:
        if key not in self:
            raise KeyError(f"{type(self).__name__}: no key {key!r}; keys are {self._keys()}")
        return vars(self)[key]

    def __delitem__(self, key: str) -> None:
        self[key]  # the KeyError for a missing key
        delattr(self, key)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._keys()

    def __len__(self) -> int:
        return len(self._keys())

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys())

    def keys(self) -> list[str]:
        return self._keys()

    def values(self) -> list[Any]:
        return [vars(self)[k] for k in self._keys()]

    def items(self) -> list[tuple[str, Any]]:
        return [(k, vars(self)[k]) for k in self._keys()]

    def pop(self, key: str) -> Any:
        item = self[key]
        del self[key]
        return item

    def update(self, items: Mapping[str, Any] | Iterable[tuple[str, Any]]) -> None:
        for key, item in (items.items() if isinstance(items, Mapping) else items):
            self[key] = item


class ModuleDict(_Keyed):
    """A dict of modules (str → Module) whose parameters belong to the module holding it:
    ``self.heads = ModuleDict({"digit": Linear(64, 10)})`` has parameters ``heads.digit.weight``…"""

    _kind = Module

    def __init__(self, modules: Mapping[str, Module] | None = None) -> None:
        self.update(modules or {})

    def _check(self, item: Any, key: str) -> Module:
        return _module(item, "ModuleDict", key)


class ParameterDict(_Keyed):
    """A dict of parameters (str → Parameter); a Tensor given as a value becomes a Parameter."""

    _kind = Parameter

    def __init__(self, parameters: Mapping[str, Tensor] | None = None) -> None:
        self.update(parameters or {})

    def _check(self, item: Any, key: str) -> Parameter:
        return _parameter(item, "ParameterDict", key)
