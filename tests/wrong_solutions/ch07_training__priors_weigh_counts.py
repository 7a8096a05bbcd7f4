"""Wrong: weighs the diagonal's counts by the shares, so the test set's class sizes still count."""

import numpy as np

EXERCISE = "ch07.accuracy_under_priors"


def accuracy_under_priors(matrix, priors):
    matrix, priors = np.asarray(matrix, dtype=float), np.asarray(priors, dtype=float)
    return float((priors * np.diag(matrix)).sum() / (priors * matrix.sum(axis=1)).sum())
