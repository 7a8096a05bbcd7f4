"""Wrong: turns the caller's matrix into hit rates in place (right number, damaged input)."""

import numpy as np

EXERCISE = "ch07.accuracy_under_priors"


def accuracy_under_priors(matrix, priors):
    matrix = np.asarray(matrix, dtype=float)    # no copy when it is already a float array
    seen = matrix.sum(axis=1, keepdims=True)
    if ((seen[:, 0] == 0) & (np.asarray(priors) > 0)).any():
        raise ValueError("accuracy_under_priors: class "
                         f"{int(np.flatnonzero((seen[:, 0] == 0) & (np.asarray(priors) > 0))[0])} "
                         "was never tested")
    np.divide(matrix, seen, out=matrix, where=seen > 0)
    return float(np.asarray(priors) @ np.diag(matrix))
