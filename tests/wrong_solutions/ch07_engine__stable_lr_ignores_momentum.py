"""Wrong: plain gradient descent's limit, 2 / λ_max, whatever the momentum."""

import numpy as np

EXERCISE = "ch07.largest_stable_lr"


def largest_stable_lr(hessian, momentum=0.0):
    return float(2.0 / np.linalg.eigvalsh(hessian).max())
