"""Wrong: always works along the last axis, whatever `axis` says."""

import numpy as np

EXERCISE = "ch06.softmax"


def softmax(x, axis=-1):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)
