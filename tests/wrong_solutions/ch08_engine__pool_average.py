"""Wrong: shares each window's gradient evenly among its entries: the backward of average
pooling, not of max pooling."""

import numpy as np

EXERCISE = "ch08.max_pool2d_backward"


def max_pool2d_backward(x, grad, kernel_size=2, stride=None):
    s = stride or kernel_size
    dx = np.zeros(x.shape)
    for i in range(grad.shape[2]):
        for j in range(grad.shape[3]):
            dx[:, :, i * s:i * s + kernel_size, j * s:j * s + kernel_size] += \
                grad[:, :, i, j, None, None] / kernel_size ** 2
    return dx
