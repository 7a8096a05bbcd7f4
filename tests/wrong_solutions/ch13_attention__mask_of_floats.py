"""Wrong: the right triangle, but of floats 1.0 and 0.0 instead of booleans."""

import numpy as np

EXERCISE = "ch13.causal_mask"


def causal_mask(size):
    return np.tril(np.ones((size, size)))
