"""Wrong: gives the window's gradient to every entry equal to its maximum, not to the first one."""

import numpy as np

EXERCISE = "ch08.max_pool2d_backward"


def max_pool2d_backward(x, grad, kernel_size=2, stride=None):
    s = stride or kernel_size
    dx = np.zeros(x.shape)
    for i in range(grad.shape[2]):
        for j in range(grad.shape[3]):
            window = x[:, :, i * s:i * s + kernel_size, j * s:j * s + kernel_size]
            winners = window == window.max(axis=(2, 3), keepdims=True)
            dx[:, :, i * s:i * s + kernel_size, j * s:j * s + kernel_size] += \
                winners * grad[:, :, i, j, None, None]
    return dx
