"""Wrong: averages the copies' gradients instead of adding them."""

EXERCISE = "ch06.unbroadcast"


def unbroadcast(grad, shape):
    grad = grad.mean(axis=tuple(range(grad.ndim - len(shape))))
    stretched = tuple(i for i, n in enumerate(shape) if n == 1 and grad.shape[i] != 1)
    return grad.mean(axis=stretched, keepdims=True)
