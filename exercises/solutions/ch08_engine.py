"""Chapter 8 exercises, part 2: reference solutions (the book shows them in a collapsed dropdown)."""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv2d_backward(x: np.ndarray, weight: np.ndarray, grad: np.ndarray, stride: int = 1,
                    padding: int = 0, dilation: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """The backward of a dilated convolution without bias: return (dx, dweight)."""
    n, c, h, w = x.shape
    o, _, kh, kw = weight.shape
    ho, wo = grad.shape[2:]
    d = dilation
    # im2col with spaced taps: a window of the padded input now spans d·(k − 1) + 1 pixels, of
    # which the filter reads every d-th; column (i, j) of image n holds the C·kH·kW values read.
    xpad = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    span = (d * (kh - 1) + 1, d * (kw - 1) + 1)
    windows = sliding_window_view(xpad, span, axis=(2, 3))[:, :, ::stride, ::stride, ::d, ::d]
    cols = windows.transpose(0, 1, 4, 5, 2, 3).reshape(n, c * kh * kw, ho * wo)
    wmat = weight.reshape(o, c * kh * kw)
    g = grad.reshape(n, o, ho * wo)
    # out = W cols, a matrix product: dL/dW = G colsᵀ (added over the images, which share the
    # filters) and dL/dcols = Wᵀ G.
    dweight = (g @ cols.transpose(0, 2, 1)).sum(axis=0).reshape(weight.shape)
    dcols = (wmat.T @ g).reshape(n, c, kh, kw, ho, wo)
    # col2im: tap (p, q) of output (i, j) read xpad[i·stride + d·p, j·stride + d·q], so its
    # gradient goes back there, one strided slice per tap, and ADDS UP where windows overlap.
    dxpad = np.zeros(xpad.shape)
    for p in range(kh):
        for q in range(kw):
            dxpad[:, :, d * p:d * p + stride * ho:stride,
                  d * q:d * q + stride * wo:stride] += dcols[:, :, p, q]
    # The padding zeros are not inputs: their gradient is dropped.
    return dxpad[:, :, padding:padding + h, padding:padding + w], dweight


def max_pool2d_backward(x: np.ndarray, grad: np.ndarray, kernel_size: int = 2,
                        stride: int | None = None) -> np.ndarray:
    """The backward of ``max_pool2d(x, kernel_size, stride)``: return dL/dx."""
    k, s = kernel_size, stride or kernel_size
    n, c, ho, wo = grad.shape
    windows = sliding_window_view(x, (k, k), axis=(2, 3))[:, :, ::s, ::s]   # (N, C, Ho, Wo, k, k)
    # Only the largest entry of a window reached the output, so it alone gets the gradient.
    # argmax picks the FIRST largest entry (row by row), as PyTorch and minigrad do on ties.
    p, q = np.divmod(windows.reshape(n, c, ho, wo, k * k).argmax(axis=-1), k)
    rows = np.arange(ho)[:, None] * s + p            # where in x each window's winner is
    cols = np.arange(wo) * s + q
    dx = np.zeros(x.shape)
    # add.at, not dx[...] = grad: with overlapping windows one input can win several of them.
    np.add.at(dx, (np.arange(n)[:, None, None, None], np.arange(c)[:, None, None], rows, cols),
              grad)
    return dx
