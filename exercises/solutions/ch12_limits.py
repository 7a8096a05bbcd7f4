"""Chapter 12 exercises, solved: error rates per group, and the saliency maps of a batch."""

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


def saliency_maps(model: minigrad.nn.Module, images: np.ndarray, targets: Any) -> np.ndarray:
    """The saliency maps of a whole batch: entry [n] is |d scores[n, targets[n]] / d images[n]|."""
    images = np.asarray(images, dtype=np.float32)
    x = minigrad.Tensor(images[:, None], requires_grad=True)     # (N, 1, H, W)
    scores = model(x)                                            # (N, C)
    # The pixels of image n reach only row n of the scores, so the derivative of the sum of
    # every image's own target score with respect to image n is that of its own score alone.
    scores[np.arange(len(images)), np.asarray(targets)].sum().backward()
    return np.abs(x.grad[:, 0])
