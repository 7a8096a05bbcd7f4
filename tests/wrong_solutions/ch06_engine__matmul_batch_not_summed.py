"""Wrong: does not sum the gradient over the batch axes that broadcasting added or stretched."""

import numpy as np

EXERCISE = "ch06.matmul_backward"


def matmul_backward(a, b, grad):
    a2 = a[None, :] if a.ndim == 1 else a
    b2 = b[:, None] if b.ndim == 1 else b
    g2 = grad[..., None] if b.ndim == 1 else grad
    g2 = g2[..., None, :] if a.ndim == 1 else g2
    da = g2 @ np.swapaxes(b2, -1, -2)
    db = np.swapaxes(a2, -1, -2) @ g2
    return da.reshape(a.shape), db.reshape(b.shape)
