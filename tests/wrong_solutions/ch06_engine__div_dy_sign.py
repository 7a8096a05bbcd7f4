"""Wrong: forgets the minus sign of d(x/y)/dy = -x/y² (a larger divisor makes the quotient smaller)."""

from ch06_tensors import unbroadcast

EXERCISE = "ch06.div_backward"


def div_backward(x, y, grad):
    return unbroadcast(grad / y, x.shape), unbroadcast(grad * x / y ** 2, y.shape)
