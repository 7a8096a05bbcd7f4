"""Wrong: builds the filter and hands it to minigrad's F.conv2d (the grader switches it off)."""

import numpy as np

import minigrad.functional as F
from minigrad import Tensor

EXERCISE = "ch08.edge_response"


def edge_response(image, direction="horizontal", strength=1.5):
    kernel = strength * np.array([[1.0, 1.0], [-1.0, -1.0]])
    if direction == "vertical":
        kernel = kernel.T
    x = Tensor(np.asarray(image, dtype=float)[None, None])
    return F.conv2d(x, Tensor(kernel[None, None])).data[0, 0]
