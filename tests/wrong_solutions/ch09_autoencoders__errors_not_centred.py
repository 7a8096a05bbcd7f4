"""Wrong: takes the SVD of X without subtracting the mean, so the first piece is the mean itself."""

import numpy as np

EXERCISE = "ch09.pca_errors"


def pca_errors(X):
    n, d = X.shape
    s = np.linalg.svd(X, compute_uv=False)
    lost = np.zeros(d)
    lost[:len(s)] = s ** 2
    return np.append(np.cumsum(lost[::-1])[::-1], 0.0) / (n * d)
