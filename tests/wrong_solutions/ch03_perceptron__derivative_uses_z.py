"""Wrong: f(z)·(1 − z) instead of f(z)·(1 − f(z))."""

import math

EXERCISE = "ch03.logistic_derivative"


def logistic_derivative(z):
    e = math.exp(-abs(z))
    f = 1 / (1 + e) if z >= 0 else e / (1 + e)
    return f * (1 - z)
