"""Wrong: takes the first k columns of Vt (rows of V) instead of its first k rows."""

import numpy as np

EXERCISE = "ch09.pca"


def pca(X, k):
    mean = X.mean(axis=0)
    U, S, Vt = np.linalg.svd(X - mean, full_matrices=False)
    return mean, Vt[:, :k].T
