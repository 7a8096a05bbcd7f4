"""Numerically stable numpy formulas that several operations share.

The naive formulas overflow: e^x is inf in float32 from x ≈ 89, so softmax(x) written as
e^x / Σ e^x gives inf / inf = nan for large scores. These are the safe forms, each written once.
"""

from __future__ import annotations

import numpy as np


def log_softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    """log softmax(x) = x − logsumexp(x) along ``axis``, computed around the maximum m.

    logsumexp(x) = m + log Σⱼ e^(xⱼ − m): the largest exponent is e⁰ = 1, so nothing
    overflows and the sum is at least 1 (its log is finite). Softmax is its exponential,
    and cross-entropy picks entries of it.
    """
    shifted = x - x.max(axis=axis, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))


def sigmoid(x: np.ndarray) -> np.ndarray:
    """1 / (1 + e^(−x)), from e^(−|x|), which never overflows: the two branches are equal."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))
