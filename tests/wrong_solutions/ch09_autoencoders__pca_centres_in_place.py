"""Wrong: centres the caller's array in place (X -= mean), changing the data it was given."""

import numpy as np

EXERCISE = "ch09.pca"


def pca(X, k):
    mean = X.mean(axis=0)
    X -= mean.astype(X.dtype)
    U, S, Vt = np.linalg.svd(X, full_matrices=False)
    return mean, Vt[:k]
