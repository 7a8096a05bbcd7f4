"""Wrong: the test set's accuracy, whatever the new shares (the shares are never used)."""

import numpy as np

EXERCISE = "ch07.accuracy_under_priors"


def accuracy_under_priors(matrix, priors):
    matrix = np.asarray(matrix, dtype=float)
    return float(np.trace(matrix) / matrix.sum())
