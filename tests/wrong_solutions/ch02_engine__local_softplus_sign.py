"""Wrong for this exercise: softplus's derivative from out with a sign slip, e^(-out) =
1 / (1 + e^a) = sigmoid(-a), instead of 1 - e^(-out) = sigmoid(a)."""

import math

EXERCISE = "ch02.local_derivatives"


def local_derivatives(op, a, b, out):
    if op == "**":
        return (b * a ** (b - 1), out * math.log(a))
    if op == "hypot":
        return (a / out, b / out)
    if op == "softplus":
        return (math.exp(-out),)
    sigmoid = 1.0 / (1.0 + math.exp(-a))
    return (sigmoid + out * (1.0 - sigmoid),)
