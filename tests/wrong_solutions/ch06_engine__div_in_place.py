"""Wrong: divides the upstream gradient in place, so the caller's grad changes and dL/dy uses it."""

from ch06_tensors import unbroadcast

EXERCISE = "ch06.div_backward"


def div_backward(x, y, grad):
    grad /= y
    dx = unbroadcast(grad, x.shape)
    return dx, unbroadcast(-grad * x / y, y.shape)
