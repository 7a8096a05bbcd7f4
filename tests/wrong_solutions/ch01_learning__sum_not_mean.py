"""Wrong: adds up the squared errors but forgets to divide by the number of examples."""

EXERCISE = "ch01.mean_squared_error"


def mean_squared_error(w, b, xs, ys):
    return sum((w * x + b - y) ** 2 for x, y in zip(xs, ys))
