"""Wrong: the mean absolute error, |error| instead of error squared."""

EXERCISE = "ch01.mean_squared_error"


def mean_squared_error(w, b, xs, ys):
    return sum(abs(w * x + b - y) for x, y in zip(xs, ys)) / len(xs)
