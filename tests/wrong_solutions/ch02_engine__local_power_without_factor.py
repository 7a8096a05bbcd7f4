"""Wrong for this exercise: the power rule without its factor, a^(b-1) instead of b·a^(b-1)."""

EXERCISE = "ch02.local_derivatives"


def local_derivatives(op, a, b, out):
    if op == "+":
        return (1.0, 1.0)
    if op == "*":
        return (b, a)
    if op == "**":
        return (a ** (b - 1),)
    if op == "exp":
        return (out,)
    if op == "tanh":
        return (1.0 - out * out,)
    return (1.0 if a > 0 else 0.0,)
