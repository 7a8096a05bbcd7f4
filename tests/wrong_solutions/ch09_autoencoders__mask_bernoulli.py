"""Wrong: masks each pixel with probability `fraction`, so the count per image only averages m."""

import numpy as np

EXERCISE = "ch09.mask_pixels"


def mask_pixels(X, fraction, rng):
    return np.where(rng.random(X.shape) < fraction, 0.0, X)
