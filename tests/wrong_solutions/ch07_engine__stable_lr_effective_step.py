"""Wrong: treats momentum as plain gradient descent with the effective step lr / (1 − momentum),
so the limit shrinks with momentum, where in fact it grows to 2 (1 + momentum) / λ_max."""

import numpy as np

EXERCISE = "ch07.largest_stable_lr"


def largest_stable_lr(hessian, momentum=0.0):
    return float(2.0 * (1 - momentum) / np.linalg.eigvalsh(hessian).max())
