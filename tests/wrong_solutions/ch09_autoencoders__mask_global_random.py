"""Wrong: ignores the generator it is given and draws from np.random, so seeds change nothing."""

import numpy as np

EXERCISE = "ch09.mask_pixels"


def mask_pixels(X, fraction, rng):
    masked = np.array(X, dtype=float).reshape(len(X), -1)
    n, d = masked.shape
    for row in masked:
        row[np.random.permutation(d)[:round(fraction * d)]] = 0.0
    return masked.reshape(np.shape(X))
