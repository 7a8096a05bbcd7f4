"""Wrong: differentiates the cross-entropy loss for the target, not the target's score."""

import numpy as np

import minigrad
from minigrad import nn

EXERCISE = "ch12.saliency_map"


def saliency_map(model, image, target):
    x = minigrad.Tensor(np.asarray(image, dtype=np.float32)[None, None], requires_grad=True)
    nn.CrossEntropyLoss()(model(x), np.array([target])).backward()
    return np.abs(x.grad[0, 0])
