"""Wrong: starts each window's maximum at 0, so windows of negative values give 0."""

import numpy as np

EXERCISE = "ch08.max_pool"


def max_pool(image, size=2, stride=None):
    stride = stride or size
    out = np.zeros(((image.shape[0] - size) // stride + 1, (image.shape[1] - size) // stride + 1))
    for i in range(out.shape[0]):
        for j in range(out.shape[1]):
            best = 0.0
            for p in range(size):
                for q in range(size):
                    best = max(best, image[i * stride + p, j * stride + q])
            out[i, j] = best
    return out
