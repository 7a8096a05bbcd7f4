"""Wrong: eps added to the standard deviation, outside the square root."""

import numpy as np

EXERCISE = "ch13.layer_norm"


def layer_norm(x, weight, bias, eps=1e-5):
    mean = x.mean(axis=-1, keepdims=True)
    return weight * (x - mean) / (x.std(axis=-1, keepdims=True) + eps) + bias
