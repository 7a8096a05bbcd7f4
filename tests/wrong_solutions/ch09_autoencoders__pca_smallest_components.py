"""Wrong: keeps the last k rows of Vt, the directions of smallest variance."""

import numpy as np

EXERCISE = "ch09.pca"


def pca(X, k):
    mean = X.mean(axis=0)
    U, S, Vt = np.linalg.svd(X - mean, full_matrices=False)
    return mean, Vt[-k:][::-1]
