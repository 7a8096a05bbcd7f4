"""Wrong: the sum of the squares, without its square root."""

import numpy as np

EXERCISE = "ch07.example_gradient_norms"


def example_gradient_norms(x, grad):
    return np.sum(grad ** 2, axis=1) * (np.sum(x ** 2, axis=1) + 1)
