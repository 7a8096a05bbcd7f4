"""Wrong: the upper triangle, so that every position sees the future instead of the past."""

import numpy as np

EXERCISE = "ch13.causal_mask"


def causal_mask(size):
    return np.triu(np.ones((size, size), dtype=bool))
