"""Wrong for this exercise: asks minigrad's own engine for the derivatives, by building the
operation from minigrad's Values and calling backward() (the grader switches minigrad off)."""

from minigrad import Value

EXERCISE = "ch02.local_derivatives"


def local_derivatives(op, a, b, out):
    x = Value(a)
    if op == "**":
        y = Value(b)
        result = x ** y
    elif op == "hypot":
        y = Value(b)
        result = (x * x + y * y) ** 0.5
    elif op == "softplus":
        result = (x.exp() + 1.0).log()
    else:
        result = x * x.sigmoid()
    result.backward()
    return (x.grad, y.grad) if op in ("**", "hypot") else (x.grad,)
