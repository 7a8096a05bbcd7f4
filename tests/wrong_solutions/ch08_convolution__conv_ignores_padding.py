"""Wrong: forgets to pad the image, so every map with padding comes out too small."""

import numpy as np

EXERCISE = "ch08.conv2d_loops"


def conv2d_loops(image, kernel, stride=1, padding=0):
    x = np.asarray(image, dtype=float)
    kh, kw = kernel.shape
    out = np.zeros(((x.shape[0] - kh) // stride + 1, (x.shape[1] - kw) // stride + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = (kernel * x[i * stride:i * stride + kh, j * stride:j * stride + kw]).sum()
    return out
