"""Wrong: the intercept of the line through the first example, ignoring the others."""

EXERCISE = "ch01.best_intercept"


def best_intercept(w, xs, ys):
    return ys[0] - w * xs[0]
