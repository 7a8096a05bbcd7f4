"""Chapter 11 exercises, solved: a learning rate per layer, what pre-training is worth."""

from __future__ import annotations

import numpy as np

from minigrad import nn


def discriminative_param_groups(model: nn.Module, base_lr: float, decay: float,
                                n_frozen: int = 0) -> list[dict]:
    """Optimiser parameter groups that give each layer of ``model`` its own learning rate."""
    # A layer owns parameters itself; a container's parameters are its children's.
    layers = [m for m in model.modules() if list(m.parameters(recurse=False))]
    groups = []
    for l, layer in enumerate(layers, start=1):
        params = list(layer.parameters(recurse=False))
        for p in params:
            p.requires_grad = l > n_frozen          # thaw as well as freeze
        if l > n_frozen:
            # The last layer at base_lr, and one factor of decay per layer before it.
            groups.append({"params": params, "lr": base_lr * decay ** (len(layers) - l)})
    return groups


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
