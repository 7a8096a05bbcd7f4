"""Chapter 12 exercises, solved: error rates per group, and a saliency map."""

from __future__ import annotations

from typing import Any

import numpy as np

import minigrad


def error_rates_by_group(y_true: Any, y_pred: Any, groups: Any) -> dict[Any, float]:
    """The error rate of each group: {group: fraction of its examples predicted wrongly}."""
    y_true, y_pred, groups = np.asarray(y_true), np.asarray(y_pred), np.asarray(groups)
    rates = {}
    for group in np.unique(groups):
        members = groups == group                    # the examples of this group only
        rates[group.item()] = float(np.mean(y_pred[members] != y_true[members]))
    return rates


def saliency_map(model: minigrad.nn.Module, image: np.ndarray, target: int) -> np.ndarray:
    """|d score[target] / d pixel| for every pixel of ``image``, an array of shape (H, W)."""
    height, width = image.shape
    x = minigrad.Tensor(np.asarray(image, dtype=np.float32).reshape(1, 1, height, width),
                        requires_grad=True)
    scores = model(x)                    # shape (1, C)
    scores[0, target].backward()         # the gradient of one score, not of a loss
    return np.abs(x.grad.reshape(height, width))
