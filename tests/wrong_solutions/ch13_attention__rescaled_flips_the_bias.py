"""Wrong: for m < 0 reverses the whole output, the bias with it."""

import numpy as np

EXERCISE = "ch13.rescaled_layer_norm"


def rescaled_layer_norm(y, weight, bias, m, u):
    return np.sign(m) * y
