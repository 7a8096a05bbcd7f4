"""Wrong: the reference training loop on a linear layer whose bias gradient averages the
examples' gradients instead of adding them. Adam trains the digits anyway (it ignores a
gradient's scale): the grader must still reject the layer."""

from types import FunctionType

import numpy as np

import solutions.ch07_engine as reference
from solutions.ch07_engine import cross_entropy  # noqa: F401 (used by the loop)

EXERCISE = "ch07.train_digits"


def linear(x, weight, bias):
    out = x @ weight.T + bias

    def backward(grad):
        g2, x2 = grad.reshape(-1, grad.shape[-1]), x.reshape(-1, x.shape[-1])
        return grad @ weight, g2.T @ x2, g2.mean(axis=0)
    return out, backward


def train_digits(X_train, y_train, seed=0):
    # The reference loop's code, looking its pieces up in this file (where the grader swaps them).
    return FunctionType(reference.train_digits.__code__, globals())(X_train, y_train, seed)
