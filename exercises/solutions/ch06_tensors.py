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


def logsumexp(x: np.ndarray, axis: int = -1, keepdims: bool = False) -> np.ndarray:
    """log(sum(exp(x))) along ``axis``, without overflow, for scores that may be masked."""
    # log Σ e^x = m + log Σ e^(x - m) for any m; the slice's maximum makes the largest term e⁰ = 1.
    m = x.max(axis=axis, keepdims=True)
    # A slice of -inf only has m = -inf, and x - m would be -inf + inf = nan: shift it by 0
    # instead. Its exponentials are then all 0, and log 0 = -inf is its right answer.
    m = np.where(np.isfinite(m), m, 0.0)
    with np.errstate(divide="ignore"):   # that log 0 is the answer, not an accident
        out = m + np.log(np.exp(x - m).sum(axis=axis, keepdims=True))
    return out if keepdims else np.squeeze(out, axis=axis)


def softmax_backward(probs: np.ndarray, grad: np.ndarray, axis: int = -1) -> np.ndarray:
    """dL/dz for s = softmax(z) along ``axis``, from ``probs`` = s and ``grad`` = g = dL/ds."""
    # ∂sᵢ/∂zⱼ = sᵢ(δᵢⱼ − sⱼ), so dL/dzⱼ = Σᵢ gᵢ sᵢ(δᵢⱼ − sⱼ) = sⱼ(gⱼ − Σᵢ gᵢ sᵢ): the
    # C×C matrix enters only through one number per slice, the same Σᵢ gᵢ sᵢ for every j.
    weighted = (grad * probs).sum(axis=axis, keepdims=True)   # size 1 along axis: broadcasts
    return probs * (grad - weighted)
