"""Wrong: hands the work to minigrad's log-softmax, x - log softmax(x) (the grader switches it off)."""

import numpy as np

from minigrad import Tensor

EXERCISE = "ch06.logsumexp"


def logsumexp(x, axis=-1, keepdims=False):
    out = (x - Tensor(x).log_softmax(axis=axis).data).max(axis=axis, keepdims=True)
    return out if keepdims else np.squeeze(out, axis=axis)
