"""Wrong: sums the axes broadcasting added on the left, but forgets the stretched size-1 axes."""

EXERCISE = "ch06.unbroadcast"


def unbroadcast(grad, shape):
    return grad.sum(axis=tuple(range(grad.ndim - len(shape))))
