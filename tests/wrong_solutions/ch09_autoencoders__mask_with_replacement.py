"""Wrong: draws m positions with replacement, so a repeated one leaves fewer than m at 0."""

import numpy as np

EXERCISE = "ch09.mask_pixels"


def mask_pixels(X, fraction, rng):
    masked = np.array(X, dtype=float).reshape(len(X), -1)
    n, d = masked.shape
    for row in masked:
        row[rng.integers(0, d, size=round(fraction * d))] = 0.0
    return masked.reshape(np.shape(X))
