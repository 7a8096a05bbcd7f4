"""Wrong: applies the dilation to the output positions instead of the taps: windows of
adjacent taps that start every stride·dilation pixels, as if the stride were multiplied."""

import numpy as np

EXERCISE = "ch08.conv2d_backward"


def conv2d_backward(x, weight, grad, stride=1, padding=0, dilation=1):
    h, w = x.shape[2:]
    xpad = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    dxpad, dweight = np.zeros(xpad.shape), np.zeros(weight.shape)
    step = stride * dilation
    for i, j, p, q in np.ndindex(*grad.shape[2:], *weight.shape[2:]):
        g = grad[:, :, i, j]                                             # (N, O)
        dweight[:, :, p, q] += g.T @ xpad[:, :, i * step + p, j * step + q]
        dxpad[:, :, i * step + p, j * step + q] += g @ weight[:, :, p, q]
    return dxpad[:, :, padding:padding + h, padding:padding + w], dweight
