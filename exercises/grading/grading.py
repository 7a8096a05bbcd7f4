"""What a grader uses: the run's settings, ``Grader`` (``grade``), and helpers shared by graders.

A grader compares the learner's answer with its own, and fails with *tried / expected / got /
hint*: ``grade.trying(code)`` records the call about to be made, then ``grade.close`` (numbers),
``grade.array`` (numpy arrays) or ``grade.check`` (anything else) judge the answer. Words a
learner reads are given as ``{"en": ..., "ca": ...}``.
"""

from __future__ import annotations

import math
import numbers
import random as _random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from . import messages


@dataclass
class Run:
    """This grading run's settings, set by the plugin when pytest starts."""
    lang: str = "en"
    seed: int = 0     # the cases drawn this run: new each run, the same for --grading-seed N


RUN = Run()


class GradingFailure(AssertionError):
    """A wrong answer, with everything the learner needs to see why."""

    def __init__(self, tried: str | None, expected: Any, got: Any, hint: dict[str, str]) -> None:
        super().__init__(f"expected {expected!r}, got {got!r}")
        self.tried, self.expected, self.got, self.hint = tried, expected, got, hint


class SubmissionNotLoaded(Exception):
    """The module to grade is missing or Python cannot run it (e.g. a SyntaxError)."""


class Grader:
    """What a grader test uses to compare the learner's answer with the expected one."""

    def __init__(self) -> None:
        self.tried: str | None = None

    def trying(self, code: str) -> None:
        """Record the call about to be made, shown if it fails, raises or never returns."""
        self.tried = code

    def check(self, ok: bool, *, expected: Any, got: Any, hint: dict[str, str]) -> None:
        """Fail unless ``ok``; ``expected`` and ``got`` are values, or words in both languages."""
        messages.validate(hint)
        for words in (expected, got):
            if isinstance(words, dict):
                messages.validate(words)
        if not ok:
            raise GradingFailure(self.tried, expected, got, hint)

    def close(self, got: Any, expected: float, *, hint: dict[str, str],
              rel: float = 1e-7, abs: float = 1e-9) -> None:
        """Fail unless ``got`` is a real number within ``abs + rel·|expected|`` of ``expected``."""
        messages.validate(hint)
        if isinstance(got, bool) or not isinstance(got, numbers.Real):
            raise GradingFailure(self.tried, expected, got, messages.both("not_a_number"))
        if not math.isclose(float(got), expected, rel_tol=rel, abs_tol=abs):
            raise GradingFailure(self.tried, expected, got, hint)

    def array_shape(self, got: Any, shape: tuple, *, hint: dict[str, str]) -> None:
        """Fail unless ``got`` is a numpy array of ``shape`` (or, for shape (), a numpy
        scalar): the one rule for every exercise that asks for an array (a list is refused
        everywhere, with the same words)."""
        shape = tuple(shape)
        array = isinstance(got, np.ndarray) or (isinstance(got, np.generic) and shape == ())
        self.check(array and np.shape(got) == shape, hint=hint,
                   expected={"en": f"an array of shape {shape}", "ca": f"un array de forma {shape}"},
                   got=described(got))

    def refuses(self, call: Callable[[], Any], names: Sequence[Any], *,
                hint: dict[str, str]) -> None:
        """Fail unless ``call()`` raises a ValueError whose message names each of ``names``: the
        function, then the values at fault (a number counts only as a whole number, so 1 is not
        found in 10): bad input gets an error that says what was wrong, never garbage."""
        try:
            with np.errstate(all="ignore"):
                returned = call()
        except ValueError as error:
            message = str(error)
            got = {"en": f"ValueError({message!r})", "ca": f"ValueError({message!r})"}
            named = all(re.search(rf"(?<![\d.]){re.escape(str(name))}(?![\d.])", message)
                        if isinstance(name, numbers.Number) else str(name) in message
                        for name in names)
        else:
            got = {"en": f"no error, and it returned {returned!r}",
                   "ca": f"cap error, i ha retornat {returned!r}"}
            named = False
        *first, last = map(str, names)
        listed = {lang: (", ".join(first) + f" {conjunction} " if first else "") + last
                  for lang, conjunction in (("en", "and"), ("ca", "i"))}
        self.check(named, hint=hint, got=got,
                   expected={"en": f"a ValueError whose message names {listed['en']}",
                             "ca": f"un ValueError amb un missatge que esmenti {listed['ca']}"})

    def unchanged(self, name: str, now: Any, before: Any, *, hint: dict[str, str]) -> None:
        """Fail if the input ``name`` (an array) no longer equals its copy ``before``."""
        self.check(np.array_equal(now, before), hint=hint,
                   expected={"en": f"{name} unchanged", "ca": f"{name} sense canvis"},
                   got={"en": f"{name} changed to {shown(now)}",
                        "ca": f"{name} ha canviat a {shown(now)}"})


def rng(case: int) -> np.random.Generator:
    """numpy's random numbers for drawing cases: ``case`` tells a grader's draws apart, and the
    run's seed makes them new every run (printed cases are no use in the next one)."""
    return np.random.default_rng([RUN.seed, case])


def random(case: int) -> _random.Random:
    """Python's random numbers for drawing cases, like ``rng``."""
    return _random.Random(f"{RUN.seed}/{case}")


def shown(x: Any) -> str:
    """An array as Python code the learner can paste (``from numpy import array``)."""
    return " ".join(repr(np.asarray(x)).split())


def described(x: Any) -> dict[str, str]:
    """What a result is, for a learner who was asked for a numpy array."""
    if not isinstance(x, np.ndarray):
        return {"en": f"{x!r} (a {type(x).__name__}, not a numpy array)",
                "ca": f"{x!r} (un {type(x).__name__}, no un array de numpy)"}
    return {"en": f"shape {x.shape}: {shown(x)}", "ca": f"forma {x.shape}: {shown(x)}"}
