"""Wrong: always places the windows side by side (stride = kernel_size), whatever the stride."""

import numpy as np

EXERCISE = "ch08.max_pool2d_backward"


def max_pool2d_backward(x, grad, kernel_size=2, stride=None):
    k = kernel_size
    dx = np.zeros(x.shape)
    for n, c, i, j in np.ndindex(*grad.shape):
        window = x[n, c, i * k:i * k + k, j * k:j * k + k]
        if window.size:
            p, q = np.unravel_index(np.argmax(window), window.shape)
            dx[n, c, i * k + p, j * k + q] += grad[n, c, i, j]
    return dx
