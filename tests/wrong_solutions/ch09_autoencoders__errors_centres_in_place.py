"""Wrong: centres the caller's X in place (X -= mean), a side effect the caller does not expect."""

import numpy as np

EXERCISE = "ch09.pca_errors"


def pca_errors(X):
    n, d = X.shape
    X -= X.mean(axis=0)
    s = np.linalg.svd(X, compute_uv=False)
    lost = np.zeros(d)
    lost[:len(s)] = s ** 2
    return np.append(np.cumsum(lost[::-1])[::-1], 0.0) / (n * d)
