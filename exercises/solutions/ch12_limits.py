"""Chapter 12 exercises, solved: the two kinds of error per group, saliency maps of a batch."""

from __future__ import annotations

from typing import Any

import numpy as np

import minigrad


def miss_rates_by_group(y_true: Any, y_pred: Any, groups: Any,
                        positive: Any = 1) -> dict[Any, tuple[float | None, float | None]]:
    """The two kinds of error of each group: {group: (false-negative rate, false-positive rate)}."""
    y_true, y_pred, groups = np.asarray(y_true), np.asarray(y_pred), np.asarray(groups)
    sick = y_true == positive
    flagged = y_pred == positive           # a negative predicted as another negative is no alarm
    rates = {}
    for group in np.unique(groups):
        members = groups == group
        missed = ~flagged[members & sick]              # the group's positives sent home
        alarms = flagged[members & ~sick]              # the group's negatives called back
        # No example to count over: the rate is unknown, not 0.
        rates[group.item()] = tuple(float(np.mean(errors)) if errors.size else None
                                    for errors in (missed, alarms))
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
