"""Wrong: puts the 1 on the right of the filter's centre, as if the filter were flipped before
sliding (a convolution in the mathematicians' sense): the image moves one pixel left."""

import numpy as np

EXERCISE = "ch08.shift_right_kernel"


def shift_right_kernel():
    kernel = np.zeros((3, 3))
    kernel[1, 2] = 1.0
    return kernel
