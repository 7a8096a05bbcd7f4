"""One place for everything minigrad draws at random, so one seed reproduces a run."""

from __future__ import annotations

import random

import numpy as np

# Made on first use: importing numpy.random is a noticeable part of ``import minigrad``.
_state: dict = {"generator": None}


def manual_seed(seed: int) -> None:
    """Seed every random draw minigrad makes (weights, dropout, shuffling, data sets).

    Seeds Python's ``random`` (used by the scalar neurons) and minigrad's numpy
    generator (used by everything tensor-based). Same seed, same run.
    """
    random.seed(seed)
    _state["generator"] = np.random.default_rng(seed)


def generator() -> np.random.Generator:
    """The numpy generator minigrad draws from; reseeded by :func:`manual_seed`."""
    if _state["generator"] is None:
        _state["generator"] = np.random.default_rng()
    return _state["generator"]
