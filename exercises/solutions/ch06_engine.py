"""Chapter 6 exercises, part 2: reference solutions (the book shows them in a collapsed dropdown)."""

from __future__ import annotations

import numpy as np

from ch06_tensors import unbroadcast  # exercise 6.1: the graded folder's own


def div_backward(x: np.ndarray, y: np.ndarray,
                 grad: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The backward of ``out = x / y`` with broadcasting: return (dL/dx, dL/dy)."""
    # Entry by entry, d(x/y)/dx = 1/y and d(x/y)/dy = -x/y²: each gradient is the upstream
    # gradient times that local derivative, in the shape of out (where both were broadcast)...
    # ...then summed back over the copies that broadcasting made of that input.
    return unbroadcast(grad / y, x.shape), unbroadcast(-grad * x / y ** 2, y.shape)


def matmul_backward(a: np.ndarray, b: np.ndarray,
                    grad: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The backward of ``out = a @ b`` (numpy's rules): return (dL/da, dL/db)."""
    # A 1-D a is a row (1, k) and a 1-D b a column (k, 1); grad gets back the axes of size 1
    # that the product dropped for them.
    a2 = a[None, :] if a.ndim == 1 else a
    b2 = b[:, None] if b.ndim == 1 else b
    g2 = grad[..., None] if b.ndim == 1 else grad
    g2 = g2[..., None, :] if a.ndim == 1 else g2
    # For matrices, dL/da = G bᵀ and dL/db = aᵀ G. swapaxes transposes the last two axes
    # only: the axes before them are batch axes (.T would reverse them all).
    da = g2 @ np.swapaxes(b2, -1, -2)
    db = np.swapaxes(a2, -1, -2) @ g2
    # Batch axes broadcast like any other: sum the copies, then drop the axes added for 1-D.
    return unbroadcast(da, a2.shape).reshape(a.shape), unbroadcast(db, b2.shape).reshape(b.shape)
