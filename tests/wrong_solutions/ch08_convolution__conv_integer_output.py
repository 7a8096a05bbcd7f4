"""Wrong: builds the output with np.zeros_like(image), so an integer image truncates the sums."""

import numpy as np

EXERCISE = "ch08.conv2d_loops"


def conv2d_loops(image, kernel, stride=1, padding=0):
    x = np.pad(image, padding)
    kh, kw = kernel.shape
    out_h, out_w = (x.shape[0] - kh) // stride + 1, (x.shape[1] - kw) // stride + 1
    out = np.zeros_like(x)[:out_h, :out_w]
    for i in range(out_h):
        for j in range(out_w):
            out[i, j] = (kernel * x[i * stride:i * stride + kh, j * stride:j * stride + kw]).sum()
    return out
