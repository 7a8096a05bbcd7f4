"""Wrong for this exercise: the length sqrt(a² + b²) differentiated as a square root alone,
1 / (2·out), forgetting that the chain rule multiplies by the inside's derivative, 2a (then 2b)."""

import math

EXERCISE = "ch02.local_derivatives"


def local_derivatives(op, a, b, out):
    if op == "**":
        return (b * a ** (b - 1), out * math.log(a))
    if op == "hypot":
        return (1 / (2 * out), 1 / (2 * out))
    sigmoid = 1.0 / (1.0 + math.exp(-a))
    if op == "softplus":
        return (sigmoid,)
    return (sigmoid + out * (1.0 - sigmoid),)
