"""Wrong: sends the gradient back to the input with = instead of +=, so where windows overlap
only the last window's share survives instead of their sum."""

import numpy as np

import solutions.ch08_engine as reference

EXERCISE = "ch08.conv2d_backward"


def conv2d_backward(x, weight, grad, stride=1, padding=0, dilation=1):
    _, dweight = reference.conv2d_backward(x, weight, grad, stride, padding, dilation)
    h, w = x.shape[2:]
    dxpad = np.zeros((*x.shape[:2], h + 2 * padding, w + 2 * padding))
    for i, j, p, q in np.ndindex(*grad.shape[2:], *weight.shape[2:]):
        dxpad[:, :, i * stride + dilation * p, j * stride + dilation * q] = \
            grad[:, :, i, j] @ weight[:, :, p, q]
    return dxpad[:, :, padding:padding + h, padding:padding + w], dweight
