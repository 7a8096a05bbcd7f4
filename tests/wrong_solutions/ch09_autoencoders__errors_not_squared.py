"""Wrong: adds up the dropped singular values themselves, not their squares."""

import numpy as np

EXERCISE = "ch09.pca_errors"


def pca_errors(X):
    n, d = X.shape
    s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    lost = np.zeros(d)
    lost[:len(s)] = s
    return np.append(np.cumsum(lost[::-1])[::-1], 0.0) / (n * d)
