"""Wrong: returns the gradients in the result's shape, forgetting to sum the broadcast copies."""

EXERCISE = "ch06.div_backward"


def div_backward(x, y, grad):
    return grad / y, -grad * x / y ** 2
