"""Wrong for this exercise: a ** b's derivative with respect to the exponent b is out, as if a
were e, instead of out·ln a (the ln a that the chain rule brings down is forgotten)."""

import math

EXERCISE = "ch02.local_derivatives"


def local_derivatives(op, a, b, out):
    if op == "**":
        return (b * a ** (b - 1), out)
    if op == "hypot":
        return (a / out, b / out)
    sigmoid = 1.0 / (1.0 + math.exp(-a))
    if op == "softplus":
        return (sigmoid,)
    return (sigmoid + out * (1.0 - sigmoid),)
