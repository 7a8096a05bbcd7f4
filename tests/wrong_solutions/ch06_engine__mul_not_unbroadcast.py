"""Wrong: returns the gradients in the result's shape, forgetting to sum the broadcast copies."""

EXERCISE = "ch06.mul_backward"


def mul_backward(x, y, grad):
    return grad * y, grad * x
