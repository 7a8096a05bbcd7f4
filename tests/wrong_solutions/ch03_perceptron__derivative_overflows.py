"""Wrong: the textbook formula with math.exp(-z), which overflows for z = -800."""

import math

EXERCISE = "ch03.logistic_derivative"


def logistic_derivative(z):
    f = 1 / (1 + math.exp(-z))
    return f * (1 - f)
