"""Wrong: divides each hit count by its column (what was predicted), not its row (what was true)."""

import numpy as np

EXERCISE = "ch07.accuracy_under_priors"


def accuracy_under_priors(matrix, priors):
    matrix, priors = np.asarray(matrix, dtype=float), np.asarray(priors, dtype=float)
    predicted = matrix.sum(axis=0)
    kept = predicted > 0
    return float(priors[kept] @ (np.diag(matrix)[kept] / predicted[kept]))
