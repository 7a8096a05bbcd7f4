"""Wrong: averages each window (average pooling) instead of taking its maximum."""

import numpy as np

EXERCISE = "ch08.max_pool"


def max_pool(image, size=2, stride=None):
    stride = stride or size
    out = np.zeros(((image.shape[0] - size) // stride + 1, (image.shape[1] - size) // stride + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            out[i, j] = image[i * stride:i * stride + size, j * stride:j * stride + size].mean()
    return out
