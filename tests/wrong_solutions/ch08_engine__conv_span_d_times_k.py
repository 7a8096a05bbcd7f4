"""Wrong: takes a dilated filter of k taps to cover dilation·k pixels instead of
dilation·(k − 1) + 1, so it counts too few output positions and leaves the last ones out."""

import numpy as np

EXERCISE = "ch08.conv2d_backward"


def conv2d_backward(x, weight, grad, stride=1, padding=0, dilation=1):
    h, w = x.shape[2:]
    kh, kw = weight.shape[2:]
    ho = (h + 2 * padding - dilation * kh) // stride + 1
    wo = (w + 2 * padding - dilation * kw) // stride + 1
    xpad = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    dxpad, dweight = np.zeros(xpad.shape), np.zeros(weight.shape)
    for i, j, p, q in np.ndindex(ho, wo, kh, kw):
        g = grad[:, :, i, j]                                             # (N, O)
        r, s = i * stride + dilation * p, j * stride + dilation * q
        dweight[:, :, p, q] += g.T @ xpad[:, :, r, s]
        dxpad[:, :, r, s] += g @ weight[:, :, p, q]
    return dxpad[:, :, padding:padding + h, padding:padding + w], dweight
