"""Wrong: always keeps the reduced axis, whatever keepdims says."""

import numpy as np

EXERCISE = "ch06.logsumexp"


def logsumexp(x, axis=-1, keepdims=False):
    m = x.max(axis=axis, keepdims=True)
    m = np.where(np.isfinite(m), m, 0.0)
    return m + np.log(np.exp(x - m).sum(axis=axis, keepdims=True))
