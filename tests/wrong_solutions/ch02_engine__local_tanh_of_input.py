"""Wrong for this exercise: tanh's local derivative squares the input, 1 - a², instead of the
output, 1 - tanh²(a)."""

EXERCISE = "ch02.local_derivatives"


def local_derivatives(op, a, b, out):
    if op == "+":
        return (1.0, 1.0)
    if op == "*":
        return (b, a)
    if op == "**":
        return (b * a ** (b - 1),)
    if op == "exp":
        return (out,)
    if op == "tanh":
        return (1.0 - a * a,)
    return (1.0 if a > 0 else 0.0,)
