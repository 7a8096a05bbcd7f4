"""Wrong: lets minigrad's autograd compute the gradients (the grader switches it off)."""

import numpy as np

from minigrad import Tensor

EXERCISE = "ch06.div_backward"


def div_backward(x, y, grad):
    a = Tensor(x, dtype=np.float64, requires_grad=True)
    b = Tensor(y, dtype=np.float64, requires_grad=True)
    (a / b).backward(grad)
    return a.grad, b.grad
