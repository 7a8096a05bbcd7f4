"""Wrong: sums the stretched size-1 axes without keepdims, so they disappear from the shape."""

EXERCISE = "ch06.unbroadcast"


def unbroadcast(grad, shape):
    grad = grad.sum(axis=tuple(range(grad.ndim - len(shape))))
    stretched = tuple(i for i, n in enumerate(shape) if n == 1 and grad.shape[i] != 1)
    return grad.sum(axis=stretched)
