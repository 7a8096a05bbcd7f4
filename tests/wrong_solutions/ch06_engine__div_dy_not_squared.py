"""Wrong: takes d(x/y)/dy as -x/y, the derivative of x·log(1/y), not of x/y."""

from ch06_tensors import unbroadcast

EXERCISE = "ch06.div_backward"


def div_backward(x, y, grad):
    return unbroadcast(grad / y, x.shape), unbroadcast(-grad * x / y, y.shape)
