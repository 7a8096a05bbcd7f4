"""Wrong: an untested class with a share counts as always wrong, an answer nothing supports."""

import numpy as np

EXERCISE = "ch07.accuracy_under_priors"


def accuracy_under_priors(matrix, priors):
    matrix, priors = np.asarray(matrix, dtype=float), np.asarray(priors, dtype=float)
    seen = matrix.sum(axis=1)
    kept = seen > 0
    return float(priors[kept] @ (np.diag(matrix)[kept] / seen[kept]))
