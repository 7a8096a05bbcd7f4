"""Wrong: draws one set of positions and masks the same pixels in every image."""

import numpy as np

EXERCISE = "ch09.mask_pixels"


def mask_pixels(X, fraction, rng):
    masked = np.array(X, dtype=float).reshape(len(X), -1)
    d = masked.shape[1]
    masked[:, rng.permutation(d)[:round(fraction * d)]] = 0.0
    return masked.reshape(np.shape(X))
