"""Wrong: smooths the target in the loss, but the gradient is still softmax − one_hot, the
derivative of the unsmoothed loss."""

import numpy as np

EXERCISE = "ch07.cross_entropy"


def cross_entropy(logits, target, label_smoothing=0.0, ignore_index=-100):
    kept = target != ignore_index
    count = int(kept.sum())
    if count == 0:
        raise ValueError("cross_entropy: every target is ignore_index")
    shifted = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    total = e.sum(axis=1, keepdims=True)
    log_probs = shifted - np.log(total)
    rows = np.flatnonzero(kept)
    one_hot = np.zeros(logits.shape)
    one_hot[rows, target[rows]] = 1
    q = (1 - label_smoothing) * one_hot + label_smoothing / logits.shape[1] * kept[:, None]
    loss = -np.sum(q * log_probs) / count
    return float(loss), (e / total * kept[:, None] - one_hot) / count
