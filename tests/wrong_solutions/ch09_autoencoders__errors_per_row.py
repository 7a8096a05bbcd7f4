"""Wrong: divides by N, the number of rows, not by the N·d numbers the error is a mean over."""

import numpy as np

EXERCISE = "ch09.pca_errors"


def pca_errors(X):
    n, d = X.shape
    s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    lost = np.zeros(d)
    lost[:len(s)] = s ** 2
    return np.append(np.cumsum(lost[::-1])[::-1], 0.0) / n
