"""Wrong: confuses rows with columns: the 1 above the centre moves the image one pixel down."""

import numpy as np

EXERCISE = "ch08.shift_right_kernel"


def shift_right_kernel():
    kernel = np.zeros((3, 3))
    kernel[0, 1] = 1.0
    return kernel
