"""Wrong: strictly below the diagonal, so a position cannot look at itself (the first sees nothing)."""

import numpy as np

EXERCISE = "ch13.causal_mask"


def causal_mask(size):
    return np.tril(np.ones((size, size), dtype=bool), k=-1)
