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
    top = x.max(axis=axis, keepdims=True)
    if not np.isfinite(top).all():  # inf − inf would be nan
        raise ValueError(f"log_softmax: the scores must be finite, found {top[~np.isfinite(top)].flat[0]} "
                         f"(shape {x.shape}, axis {axis})")
    shifted = x - top
    return shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))


def sigmoid(x: np.ndarray) -> np.ndarray:
    """1 / (1 + e^(−x)), from e^(−|x|), which never overflows: the two branches are equal."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def float_error(op: str, error: FloatingPointError, detail: str) -> ArithmeticError:
    """numpy's floating-point ``error`` (from ``np.errstate(...="raise")``) as an error naming ``op``.

    numpy would only warn and go on with inf or nan; minigrad stops where it happens.
    """
    kind = OverflowError if "overflow" in str(error) else FloatingPointError
    return kind(f"{op}: {error} {detail}; the result would be inf or nan")
