"""Wrong for this exercise: the product's local derivatives in the operands' own order, (a, b),
instead of each operand getting the other one, (b, a)."""

import math

EXERCISE = "ch02.local_derivatives"


def local_derivatives(op, a, b, out):
    if op == "+":
        return (1.0, 1.0)
    if op == "*":
        return (a, b)
    if op == "**":
        return (b * a ** (b - 1),)
    if op == "exp":
        return (math.exp(a),)
    if op == "tanh":
        return (1.0 - out ** 2,)
    return (1.0 if a > 0 else 0.0,)
