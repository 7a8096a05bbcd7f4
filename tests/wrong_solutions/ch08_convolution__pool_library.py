"""Wrong: hands the work to minigrad's F.max_pool2d (the grader switches it off)."""

import numpy as np

import minigrad.functional as F
from minigrad import Tensor

EXERCISE = "ch08.max_pool"


def max_pool(image, size=2, stride=None):
    x = Tensor(np.asarray(image, dtype=float)[None, None])
    return F.max_pool2d(x, size, stride).data[0, 0]
