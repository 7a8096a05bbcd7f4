"""Wrong: differentiates the sum of every class's score instead of the target's score."""

import numpy as np

import minigrad

EXERCISE = "ch12.saliency_map"


def saliency_map(model, image, target):
    x = minigrad.Tensor(np.asarray(image, dtype=np.float32)[None, None], requires_grad=True)
    model(x).sum().backward()
    return np.abs(x.grad[0, 0])
