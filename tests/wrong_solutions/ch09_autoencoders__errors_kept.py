"""Wrong: adds up the singular values PCA keeps, not the ones it drops (E_0 comes out 0)."""

import numpy as np

EXERCISE = "ch09.pca_errors"


def pca_errors(X):
    n, d = X.shape
    s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    lost = np.zeros(d)
    lost[:len(s)] = s ** 2
    return np.append(0.0, np.cumsum(lost)) / (n * d)
