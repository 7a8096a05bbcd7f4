"""Wrong: returns the gradient of the padded input, padding included (it is not cut off)."""

import numpy as np

import solutions.ch08_engine as reference

EXERCISE = "ch08.conv2d_backward"


def conv2d_backward(x, weight, grad, stride=1, padding=0, dilation=1):
    xpad = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    return reference.conv2d_backward(xpad, weight, grad, stride, 0, dilation)
