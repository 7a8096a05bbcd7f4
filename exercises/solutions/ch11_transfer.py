"""Chapter 11 exercises, solved: freezing the feature layers, what pre-training is worth."""

from __future__ import annotations

import numpy as np

from minigrad import nn


def freeze_features(model: nn.Sequential, n_frozen: int) -> list[nn.Parameter]:
    """Freeze the parameters of the first ``n_frozen`` layers of ``model``; return the others."""
    for i, layer in enumerate(model):
        for p in layer.parameters():
            p.requires_grad = i >= n_frozen     # frozen before n_frozen, trainable after
    return [p for p in model.parameters() if p.requires_grad]


def equivalent_labels(counts: list[int], acc_scratch: list[float],
                      acc_transfer: list[float]) -> list[float | None]:
    """How many labels per class training from scratch needs to match transfer learning."""
    needed = []
    for target in acc_transfer:
        if acc_scratch[0] >= target:
            needed.append(float(counts[0]))      # nothing smaller than counts[0] was measured
            continue
        for k in range(len(counts) - 1):
            # Every point before k + 1 is below the target: this segment is the first crossing.
            if acc_scratch[k + 1] >= target:
                t = (target - acc_scratch[k]) / (acc_scratch[k + 1] - acc_scratch[k])
                # A straight line in log n: log m = log n_k + t (log n_k+1 - log n_k).
                needed.append(float(counts[k] * (counts[k + 1] / counts[k]) ** t))
                break
        else:
            needed.append(None)                  # the scratch curve never gets there
    return needed
