"""Wrong: standardises each row but forgets to scale by weight and shift by bias."""

import numpy as np

EXERCISE = "ch13.layer_norm"


def layer_norm(x, weight, bias, eps=1e-5):
    mean = x.mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(x.var(axis=-1, keepdims=True) + eps)
