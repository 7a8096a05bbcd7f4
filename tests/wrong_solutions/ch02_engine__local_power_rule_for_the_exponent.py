"""Wrong for this exercise: the power rule used for the exponent too, d(a ** b)/db = b·a^(b-1),
as if b were the base, instead of out·ln a."""

import math

EXERCISE = "ch02.local_derivatives"


def local_derivatives(op, a, b, out):
    if op == "**":
        return (b * a ** (b - 1), b * a ** (b - 1))
    if op == "hypot":
        return (a / out, b / out)
    sigmoid = 1.0 / (1.0 + math.exp(-a))
    if op == "softplus":
        return (1.0 - math.exp(-out),)
    return (sigmoid + out * (1.0 - sigmoid),)
