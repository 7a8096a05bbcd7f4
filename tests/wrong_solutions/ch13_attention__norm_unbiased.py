"""Wrong: the unbiased variance (dividing by d − 1), which is not what layer norm uses."""

import numpy as np

EXERCISE = "ch13.layer_norm"


def layer_norm(x, weight, bias, eps=1e-5):
    mean = x.mean(axis=-1, keepdims=True)
    var = x.var(axis=-1, keepdims=True, ddof=1)
    return weight * (x - mean) / np.sqrt(var + eps) + bias
