"""Wrong: the two points are 2h apart, but this divides by h."""

EXERCISE = "ch02.numerical_gradient"


def numerical_gradient(f, x, h=1e-6):
    return (f(x + h) - f(x - h)) / h
