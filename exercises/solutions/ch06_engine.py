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


def quadratic_backward(x: np.ndarray, a: np.ndarray,
                       grad: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The backward of the quadratic form ``out = xᵀ a x`` of each row: return (dL/dx, dL/da)."""
    g = np.asarray(grad)[..., None]           # one upstream number per example, against its row
    # x is used twice, on the left of a (row times a) and on its right (a times column): as for
    # a Value used twice, the gradients of both uses add up: a x from the left use (x @ a.T for
    # rows) and aᵀ x from the right one (x @ a).
    dx = g * (x @ a.T + x @ a)
    # d out / d a_ij = x_i x_j for each example: a sum over the batch of outer products,
    # written as one matrix product of the (weighted) rows.
    rows = x.reshape(-1, x.shape[-1])
    da = (g.reshape(-1, 1) * rows).T @ rows
    return dx, da
