"""Wrong for this exercise: silu, a·sigmoid(a), differentiated as if the factor a were a
constant, a·sigmoid'(a), instead of by the product rule, sigmoid(a) + a·sigmoid'(a)."""

import math

EXERCISE = "ch02.local_derivatives"


def local_derivatives(op, a, b, out):
    if op == "**":
        return (b * a ** (b - 1), out * math.log(a))
    if op == "hypot":
        return (a / out, b / out)
    sigmoid = 1.0 / (1.0 + math.exp(-a))
    if op == "softplus":
        return (sigmoid,)
    return (out * (1.0 - sigmoid),)
