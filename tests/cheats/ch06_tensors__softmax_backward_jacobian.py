"""Cheat: the right numbers through the C×C Jacobian of every slice, the matrix the exercise
asks not to build (C = 20000 would need gigabytes)."""

import numpy as np

EXERCISE = "ch06.softmax_backward"


def softmax_backward(probs, grad, axis=-1):
    s, g = np.moveaxis(probs, axis, -1), np.moveaxis(grad, axis, -1)
    eye = np.eye(s.shape[-1])
    jacobian = s[..., :, None] * (eye - s[..., None, :])     # ∂sᵢ/∂zⱼ, one matrix per slice
    return np.moveaxis(np.einsum("...i,...ij->...j", g, jacobian), -1, axis)
