"""Wrong for this exercise: asks minigrad's own operations for their local derivatives (the
grader switches minigrad off)."""

from minigrad import Value

EXERCISE = "ch02.local_derivatives"


def local_derivatives(op, a, b, out):
    x = Value(a)
    if op in ("+", "*"):
        node = x + Value(b) if op == "+" else x * Value(b)
    elif op == "**":
        node = x ** b
    else:
        node = getattr(x, op)()
    return node._local
