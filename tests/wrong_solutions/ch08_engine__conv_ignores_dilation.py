"""Wrong: places the windows as a dilated filter does (the output size is right), but reads
the first kH × kW pixels of each window, side by side, instead of taps `dilation` apart."""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

EXERCISE = "ch08.conv2d_backward"


def conv2d_backward(x, weight, grad, stride=1, padding=0, dilation=1):
    n, c, h, w = x.shape
    o, _, kh, kw = weight.shape
    ho, wo = grad.shape[2:]
    xpad = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    windows = sliding_window_view(xpad, (kh, kw), axis=(2, 3))[:, :, ::stride, ::stride]
    cols = windows[:, :, :ho, :wo].transpose(0, 1, 4, 5, 2, 3).reshape(n, c * kh * kw, ho * wo)
    g = grad.reshape(n, o, ho * wo)
    dweight = (g @ cols.transpose(0, 2, 1)).sum(axis=0).reshape(weight.shape)
    dcols = (weight.reshape(o, -1).T @ g).reshape(n, c, kh, kw, ho, wo)
    dxpad = np.zeros(xpad.shape)
    for p in range(kh):
        for q in range(kw):
            dxpad[:, :, p:p + stride * ho:stride, q:q + stride * wo:stride] += dcols[:, :, p, q]
    return dxpad[:, :, padding:padding + h, padding:padding + w], dweight
