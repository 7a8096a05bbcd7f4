"""Wrong: the 1 at the centre copies the image without moving it."""

import numpy as np

EXERCISE = "ch08.shift_right_kernel"


def shift_right_kernel():
    kernel = np.zeros((3, 3))
    kernel[1, 1] = 1.0
    return kernel
