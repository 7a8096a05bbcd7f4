"""Wrong: assumes d singular values, so it breaks (or returns too few errors) when N < d."""

import numpy as np

EXERCISE = "ch09.pca_errors"


def pca_errors(X):
    n, d = X.shape
    s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    return np.append(np.cumsum((s ** 2)[::-1])[::-1], 0.0) / (n * d)
