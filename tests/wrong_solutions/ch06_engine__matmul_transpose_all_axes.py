"""Wrong: transposes with .T, which reverses every axis of a batch, not only the last two."""

from ch06_tensors import unbroadcast

EXERCISE = "ch06.matmul_backward"


def matmul_backward(a, b, grad):
    a2 = a[None, :] if a.ndim == 1 else a
    b2 = b[:, None] if b.ndim == 1 else b
    g2 = grad[..., None] if b.ndim == 1 else grad
    g2 = g2[..., None, :] if a.ndim == 1 else g2
    da, db = g2 @ b2.T, a2.T @ g2
    return unbroadcast(da, a2.shape).reshape(a.shape), unbroadcast(db, b2.shape).reshape(b.shape)
