"""Wrong: 1 over the largest curvature, the rate that lands on the minimum of
the sharpest direction in one step, not the one where gradient descent starts to diverge."""

import numpy as np

EXERCISE = "ch07.largest_stable_lr"


def largest_stable_lr(hessian, momentum=0.0):
    return float((1 + momentum) / np.linalg.eigvalsh(hessian).max())
