"""Wrong: a sign error, the slope's part added instead of taken away."""

EXERCISE = "ch01.best_intercept"


def best_intercept(w, xs, ys):
    return sum(ys) / len(ys) + w * sum(xs) / len(xs)
