"""What the graders of the engine exercises (test_ch06/07/08_engine.py) share; not an exercise.

Those exercises ask for backward passes, a loss, a layer and optimiser steps in numpy. The
graders judge them with central differences (in float64, on small random inputs) and with
their own numpy references, and switch off minigrad's backpropagation and optimisers, which
would otherwise compute the answers for the learner. PyTorch, where installed, is an extra
oracle of two tests (the `torch` fixture), imported with the time limit paused.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Callable

import numpy as np
import pytest

import minigrad
import minigrad.autograd
import minigrad.optim
from grading import limits

HERE = Path(__file__).resolve().parent
SWITCHED_OFF = ("minigrad's own backpropagation and optimisers are switched off for this "
                "exercise: write it with numpy / la retropropagació i els optimitzadors de "
                "minigrad estan desactivats en aquest exercici: escriu-ho amb numpy")


def switch_off_minigrad(monkeypatch: pytest.MonkeyPatch) -> None:
    """No gradient and no optimiser step can come from minigrad while a test runs."""
    def refuse(*args, **kwargs):
        raise RuntimeError(SWITCHED_OFF)
    monkeypatch.setattr(minigrad.Tensor, "backward", refuse)
    monkeypatch.setattr(minigrad, "backpropagate", refuse)
    monkeypatch.setattr(minigrad.autograd, "backpropagate", refuse)
    for optimizer in (minigrad.optim.SGD, minigrad.optim.Adam):
        monkeypatch.setattr(optimizer, "step", refuse)


def graded_module(config: pytest.Config, name: str) -> ModuleType:
    """Module ``name`` of the folder being graded (as ``submission`` is), loaded afresh.

    Only when a grader is proven on a single file (``--submission-dir`` holding just the
    module under test) is a missing ``name`` taken from the reference solutions.
    """
    if config.getoption("solutions"):
        folder = HERE / "solutions"
    else:
        chosen = config.getoption("submission_dir")
        folder = Path(chosen).resolve() if chosen else HERE
    path = folder / f"{name}.py"
    if not path.is_file() and folder != HERE:
        path = HERE / "solutions" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def use_graded_sibling(config: pytest.Config, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """``from name import ...`` in the graded module imports the graded folder's ``name``."""
    monkeypatch.setitem(sys.modules, name, graded_module(config, name))


def numerical_gradients(f: Callable[..., np.ndarray], inputs: list[np.ndarray],
                        grad: np.ndarray, eps: float = 1e-4) -> list[np.ndarray]:
    """Central differences of L = sum(f(*inputs) · grad) with respect to every input.

    That L has dL/df = grad: the numbers a backward given ``grad`` must return.
    """
    inputs = [np.array(x, dtype=np.float64) for x in inputs]
    result = []
    for x in inputs:
        numerical = np.zeros_like(x)
        flat, out = x.reshape(-1), numerical.reshape(-1)   # views: nudging flat nudges x
        for k in range(flat.size):
            saved = flat[k]
            flat[k] = saved + eps
            up = float(np.sum(f(*inputs) * grad))
            flat[k] = saved - eps
            down = float(np.sum(f(*inputs) * grad))
            flat[k] = saved
            out[k] = (up - down) / (2 * eps)
        result.append(numerical)
    return result


def shown(x: np.ndarray) -> str:
    """An array as Python code the learner can paste (``from numpy import array``)."""
    return " ".join(repr(np.asarray(x)).split())


def words(en: str, ca: str) -> dict[str, str]:
    return {"en": en, "ca": ca}


def check_untouched(grade, received: list[np.ndarray], originals: list[np.ndarray],
                    hint: dict[str, str]) -> None:
    """The arrays the learner's function received are as they were (their copies)."""
    grade.check(all(np.array_equal(a, o) for a, o in zip(received, originals)), hint=hint,
                expected=words("the arrays you received unchanged", "els arrays rebuts sense canvis"),
                got=words("one of them was modified", "se n'ha modificat algun"))


def check_close(grade, got: object, expected: np.ndarray, hint: dict[str, str],
                rtol: float = 1e-7, atol: float = 1e-9) -> None:
    """``got`` has the shape of ``expected`` and its values, up to rounding."""
    got = np.asarray(got, dtype=float)
    grade.check(got.shape == np.shape(expected) and np.allclose(got, expected, rtol=rtol, atol=atol),
                expected=np.round(expected, 8), got=got, hint=hint)


def as_pair(got: object, n: int = 2) -> tuple | None:
    """``got`` as a tuple of ``n`` arrays, or None if it is not one."""
    if not isinstance(got, (tuple, list)) or len(got) != n:
        return None
    return tuple(np.asarray(g) if g is not None else None for g in got)


@pytest.fixture(scope="module")
def torch():
    """PyTorch, the oracle of one test, imported off the clock: its import (seconds, more on a
    busy machine) is the grader's time, not the learner's."""
    with limits.paused():
        return pytest.importorskip(
            "torch", reason="PyTorch is not installed: this extra check is skipped / PyTorch no "
                            "està instal·lat: aquesta comprovació addicional s'omet")
