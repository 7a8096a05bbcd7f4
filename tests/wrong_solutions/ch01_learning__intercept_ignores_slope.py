"""Wrong: the mean of the ys, the best intercept only when w = 0 or the xs average to 0."""

EXERCISE = "ch01.best_intercept"


def best_intercept(w, xs, ys):
    return sum(ys) / len(ys)
