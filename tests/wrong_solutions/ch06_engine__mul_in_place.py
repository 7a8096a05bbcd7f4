"""Wrong: multiplies the upstream gradient in place, so the caller's grad changes and dL/dy uses it."""

from ch06_tensors import unbroadcast

EXERCISE = "ch06.mul_backward"


def mul_backward(x, y, grad):
    grad *= y
    dx = unbroadcast(grad, x.shape)
    return dx, unbroadcast(grad * x, y.shape)
