"""Chapter 6 exercises: reference solutions (the book shows them in a collapsed dropdown)."""

from __future__ import annotations

import numpy as np


def unbroadcast(grad: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """Sum ``grad`` back to ``shape``: the gradient of an input that broadcasting stretched."""
    # Broadcasting first added axes on the left: every copy along them gets a gradient,
    # and the copies' gradients add up.
    added = grad.ndim - len(shape)
    grad = grad.sum(axis=tuple(range(added)))
    # Then it stretched the axes of size 1: sum them too, keeping them with size 1.
    stretched = tuple(i for i, n in enumerate(shape) if n == 1 and grad.shape[i] != 1)
    return grad.sum(axis=stretched, keepdims=True)


def softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    """The softmax of ``x`` along ``axis``: exp(x) / sum(exp(x)), without overflow."""
    # The largest exponent becomes e⁰ = 1: nothing overflows, and each sum is at least 1.
    # keepdims=True keeps the reduced axis (size 1), so it broadcasts back against x.
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def log_softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    """The logarithm of the softmax of ``x`` along ``axis``, finite wherever ``x`` is."""
    # log(e^(x - m) / Σ e^(x - m)) = (x - m) - log Σ e^(x - m): no division, no log(0).
    shifted = x - x.max(axis=axis, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))
