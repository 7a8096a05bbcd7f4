"""Wrong: int(fraction * d) rounds down, so 0.15 of 64 pixels masks 9, not round(9.6) = 10."""

import numpy as np

EXERCISE = "ch09.mask_pixels"


def mask_pixels(X, fraction, rng):
    masked = np.array(X, dtype=float).reshape(len(X), -1)
    n, d = masked.shape
    for row in masked:
        row[rng.permutation(d)[:int(fraction * d)]] = 0.0
    return masked.reshape(np.shape(X))
