"""Switching off library code an exercise asks the learner to write, however it is reached.

Replacing a module's attribute (``monkeypatch.setattr``) leaves every other way to the same
function open: another module that re-exports it, a registry holding it (``METRICS``), a
reload, a fresh import. So the function itself is changed: its code object is swapped for one
that raises, and every name, alias or registry that holds the function now holds a refusal. A
class is refused at ``__new__``. Modules of minigrad that (re)execute while the switch is on
(``importlib.reload``, an import after ``del sys.modules[...]``) have the same functions
switched off as they are defined. Everything is put back when the switch goes off.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from types import FunctionType, ModuleType
from typing import Any, Iterator

import pytest

from . import grading, messages

LIBRARY = "minigrad"
GLOBAL = "__grading_switched_off__"  # how a refusing code object finds the exception to raise


_WORDS: dict[str, dict[str, str]] = {}  # qualified name -> why it is off, while it is off


class SwitchedOff(RuntimeError):
    """Raised by a library function while it is switched off for the exercise being graded."""

    def __init__(self, name: str) -> None:
        words = _WORDS.get(name) or {
            "en": f"minigrad's own {name} is switched off for this exercise: write it yourself "
                  f"(with numpy or plain Python)",
            "ca": f"el {name} de minigrad està desactivat en aquest exercici: escriu-lo tu "
                  f"(amb numpy o Python)",
        }
        super().__init__(words[grading.RUN.lang])


def _refusing_code(function: FunctionType) -> Any:
    """A code object that raises SwitchedOff, with ``function``'s free variables (Python
    only lets a function take a code object with as many free variables as its closure)."""
    free = function.__code__.co_freevars
    source = "\n".join(["def outer():", *(f"    {name} = None" for name in free),
                        "    def refuse(*args, **kwargs):", *(f"        {name}" for name in free),
                        f"        raise {GLOBAL}({function.__qualname__!r})",
                        "    return refuse"])
    namespace: dict[str, Any] = {}
    exec(source, namespace)  # noqa: S102 - our own template
    return namespace["outer"]().__code__


def _refuse_new(name: str) -> staticmethod:
    def refuse(cls: type, *args: Any, **kwargs: Any) -> Any:
        raise SwitchedOff(name)
    return staticmethod(refuse)


def _key(target: Any) -> tuple[str, str]:
    return target.__module__, target.__qualname__


def _lookup(module: ModuleType, qualname: str) -> Any:
    obj: Any = module
    for part in qualname.split("."):
        obj = getattr(obj, part, None)
    return obj


class SwitchOff:
    """``with SwitchOff(minigrad.functional.softmax, minigrad.Tensor.softmax): ...``.

    Targets are functions (also methods, taken from their class) and classes of minigrad;
    ``words`` (both languages) say why, instead of the default message."""

    def __init__(self, *targets: Any, words: dict[str, str] | None = None) -> None:
        if words is not None:
            messages.validate(words)
        self.words = words
        for target in targets:
            if not isinstance(target, (FunctionType, type)):
                raise TypeError(f"switch off functions or classes, not {target!r}")
        self.keys = {_key(target) for target in targets}
        self.targets = targets
        self.codes: dict[FunctionType, Any] = {}       # function -> its own code
        self.news: dict[type, Any] = {}                # class -> its own __new__ (or None)
        self.modules: dict[str, tuple[ModuleType, dict]] = {}
        self.finder = _Rearm(self)

    def __enter__(self) -> SwitchOff:
        self.modules = {name: (module, dict(module.__dict__))
                        for name, module in list(sys.modules.items()) if _ours(name)}
        for target in self.targets:
            self._refuse(target)
        if self.words is not None:
            _WORDS.update({qualname: self.words for _, qualname in self.keys})
        sys.meta_path.insert(0, self.finder)
        return self

    def __exit__(self, *exc: Any) -> None:
        sys.meta_path.remove(self.finder)
        if self.words is not None:
            for _, qualname in self.keys:
                _WORDS.pop(qualname, None)
        for function, code in self.codes.items():
            function.__code__ = code
        for cls, new in self.news.items():
            if new is None:
                del cls.__new__
            else:
                cls.__new__ = new
        # A reload re-ran a module in place, an import after `del sys.modules[...]` made a
        # new one: put back the modules, and their names, as they were.
        for name in [name for name in sys.modules if _ours(name) and name not in self.modules]:
            del sys.modules[name]
        for name, (module, namespace) in self.modules.items():
            sys.modules[name] = module
            now = module.__dict__
            if (now.keys() - namespace.keys() - {GLOBAL}
                    or any(now.get(key) is not value for key, value in namespace.items())):
                refusal = now.get(GLOBAL)  # a switch still on keeps its refusal's name
                now.clear()
                now.update(namespace)
                if refusal is not None:
                    now[GLOBAL] = refusal

    def _refuse(self, target: Any) -> None:
        if isinstance(target, type):
            if target not in self.news:
                self.news[target] = target.__dict__.get("__new__")
                target.__new__ = _refuse_new(target.__qualname__)
        elif target not in self.codes:
            self.codes[target] = target.__code__
            target.__code__ = _refusing_code(target)
            target.__globals__[GLOBAL] = SwitchedOff  # left there: harmless once off

    def rearm(self, module: ModuleType) -> None:
        """Switch off the targets that ``module``, just (re)executed, defines anew."""
        for name, qualname in self.keys:
            if name == module.__name__:
                target = _lookup(module, qualname)
                if isinstance(target, (FunctionType, type)):
                    self._refuse(target)


def _ours(name: str) -> bool:
    return name == LIBRARY or name.startswith(LIBRARY + ".")


class _Rearm(importlib.abc.MetaPathFinder):
    """Finds minigrad's modules as usual, and switches targets off when one executes."""

    def __init__(self, switch: SwitchOff) -> None:
        self.switch = switch

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if not _ours(name):
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path, target)
        if spec is not None and spec.loader is not None:
            spec.loader = _RearmingLoader(spec.loader, self.switch)
        return spec


class _RearmingLoader(importlib.abc.Loader):
    def __init__(self, loader: Any, switch: SwitchOff) -> None:
        self.loader, self.switch = loader, switch

    def create_module(self, spec: Any) -> Any:
        return self.loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self.loader.exec_module(module)
        self.switch.rearm(module)


def switched_off(*targets: Any, words: dict[str, str] | None = None,
                 name: str = "library_switched_off", autouse: bool = True) -> Any:
    """A fixture that keeps ``targets`` switched off during each test that uses it.

    As an autouse fixture it runs before the ``submission`` fixture loads the learner's module,
    so even a name the module imports from minigrad at its top is switched off."""
    @pytest.fixture(autouse=autouse, name=name)
    def fixture() -> Iterator[None]:
        with SwitchOff(*targets, words=words):
            yield
    return fixture
