"""Wrong: the two shares' norms added, ‖g_i‖ ‖x_i‖ + ‖g_i‖, instead of their squares."""

import numpy as np

EXERCISE = "ch07.example_gradient_norms"


def example_gradient_norms(x, grad):
    g = np.linalg.norm(grad, axis=1)
    return g * np.linalg.norm(x, axis=1) + g
