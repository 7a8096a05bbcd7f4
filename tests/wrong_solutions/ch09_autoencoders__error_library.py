"""Wrong: hands each example to minigrad's F.mse_loss (the grader switches it off)."""

import numpy as np

import minigrad.functional as F
from minigrad import Tensor

EXERCISE = "ch09.reconstruction_error"


def reconstruction_error(X, X_hat):
    return np.array([F.mse_loss(Tensor(np.asarray(a, float)), np.asarray(b, float)).item()
                     for a, b in zip(X, X_hat)])
