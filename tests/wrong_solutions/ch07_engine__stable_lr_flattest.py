"""Wrong: the flattest direction sets the limit, not the sharpest one."""

import numpy as np

EXERCISE = "ch07.largest_stable_lr"


def largest_stable_lr(hessian, momentum=0.0):
    return float(2.0 * (1 + momentum) / np.linalg.eigvalsh(hessian).min())
