"""Wrong for this exercise: ReLU's local derivative is its output, max(a, 0), instead of its
slope, 1 or 0; and exp's is taken as a."""

EXERCISE = "ch02.local_derivatives"


def local_derivatives(op, a, b, out):
    if op == "+":
        return (1.0, 1.0)
    if op == "*":
        return (b, a)
    if op == "**":
        return (b * a ** (b - 1),)
    if op == "exp":
        return (a,)
    if op == "tanh":
        return (1.0 - out * out,)
    return (out,)
