"""Wrong: hands the work to minigrad's F.conv2d (the grader switches it off)."""

import numpy as np

import minigrad.functional as F
from minigrad import Tensor

EXERCISE = "ch08.conv2d_loops"


def conv2d_loops(image, kernel, stride=1, padding=0):
    x = Tensor(np.asarray(image, dtype=float)[None, None])
    w = Tensor(np.asarray(kernel, dtype=float)[None, None])
    return F.conv2d(x, w, stride=stride, padding=padding).data[0, 0]
