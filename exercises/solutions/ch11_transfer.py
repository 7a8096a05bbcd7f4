"""Chapter 11 exercises, solved: freezing the feature layers, and comparing training strategies."""

from __future__ import annotations

from typing import Callable

import numpy as np

from minigrad import nn


def freeze_features(model: nn.Sequential, n_frozen: int) -> list[nn.Parameter]:
    """Freeze the parameters of the first ``n_frozen`` layers of ``model``; return the others."""
    for i, layer in enumerate(model):
        for p in layer.parameters():
            p.requires_grad = i >= n_frozen     # frozen before n_frozen, trainable after
    return [p for p in model.parameters() if p.requires_grad]


def compare(trainers: dict[str, Callable], X_pool: np.ndarray, y_pool: np.ndarray,
            X_test: np.ndarray, y_test: np.ndarray,
            labels_per_class: list[int]) -> dict[str, list[float]]:
    """Test accuracy of each trainer for each number of labelled examples per class."""
    results = {name: [] for name in trainers}
    for n in labels_per_class:
        # The first n positions of each class, kept in the pool's order.
        keep = np.concatenate([np.flatnonzero(y_pool == c)[:n] for c in np.unique(y_pool)])
        keep.sort()
        for name, trainer in trainers.items():
            predict = trainer(X_pool[keep], y_pool[keep])
            results[name].append(float(np.mean(predict(X_test) == y_test)))
    return results
