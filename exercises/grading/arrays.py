"""numpy references and words that graders of array exercises share: a softmax with a mask, a
layer norm, and how to tell a learner that an array has the wrong shape."""

from __future__ import annotations

from typing import Any

import numpy as np


def softmax(scores: np.ndarray, mask: np.ndarray | None = None, axis: int = -1) -> np.ndarray:
    """The softmax of scores along ``axis``, 0 exactly where mask is False (no overflow)."""
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    e = np.exp(scores - scores.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    """Each row of the last axis standardised (biased variance, eps inside the root), then
    scaled by w and shifted by b."""
    return w * (x - x.mean(axis=-1, keepdims=True)) / np.sqrt(x.var(axis=-1, keepdims=True) + eps) + b


def shape_words(shape: tuple) -> dict[str, str]:
    return {"en": f"an array of shape {shape}", "ca": f"un array de forma {shape}"}


def got_shape(got: Any) -> dict[str, str]:
    return {"en": f"shape {np.shape(got)}: {got!r}", "ca": f"forma {np.shape(got)}: {got!r}"}
