"""Cheat: rebuilds the softmax from minigrad's operations (its scores are log s, up to a
constant) and lets backpropagation compute the gradient."""

import numpy as np

from minigrad import Tensor

EXERCISE = "ch06.softmax_backward"


def softmax_backward(probs, grad, axis=-1):
    x = Tensor(np.log(probs), requires_grad=True)
    e = x.exp()
    (e / e.sum(axis=axis, keepdims=True)).backward(grad)
    return x.grad
