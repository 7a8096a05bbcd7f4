"""Wrong: assigns the gradient to the winner (=), so an entry that wins two overlapping windows
keeps only the last one's."""

import numpy as np

EXERCISE = "ch08.max_pool2d_backward"


def max_pool2d_backward(x, grad, kernel_size=2, stride=None):
    s = stride or kernel_size
    dx = np.zeros(x.shape)
    for n, c, i, j in np.ndindex(*grad.shape):
        window = x[n, c, i * s:i * s + kernel_size, j * s:j * s + kernel_size]
        p, q = np.unravel_index(np.argmax(window), window.shape)
        dx[n, c, i * s + p, j * s + q] = grad[n, c, i, j]
    return dx
