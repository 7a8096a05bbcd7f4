"""Wrong: returns the gradient with the batch's shape (1, 1, H, W) instead of (H, W)."""

import numpy as np

import minigrad

EXERCISE = "ch12.saliency_map"


def saliency_map(model, image, target):
    x = minigrad.Tensor(np.asarray(image, dtype=np.float32)[None, None], requires_grad=True)
    model(x)[0, target].backward()
    return np.abs(x.grad)
