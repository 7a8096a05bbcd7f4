"""Wrong: the matrix formulas applied as they are to 1-D operands (a vector is not a row/column)."""

import numpy as np

from ch06_tensors import unbroadcast

EXERCISE = "ch06.matmul_backward"


def matmul_backward(a, b, grad):
    da = grad @ np.swapaxes(b, -1, -2) if b.ndim > 1 else grad * b
    db = np.swapaxes(a, -1, -2) @ grad if a.ndim > 1 else a * grad
    return unbroadcast(da, a.shape), unbroadcast(db, b.shape)
