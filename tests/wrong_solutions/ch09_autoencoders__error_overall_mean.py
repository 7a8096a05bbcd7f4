"""Wrong: returns one number, the mean over all examples, instead of one error per example."""

import numpy as np

EXERCISE = "ch09.reconstruction_error"


def reconstruction_error(X, X_hat):
    return np.mean((X - X_hat) ** 2)
