"""Wrong: walks to the intercept by steps of 0.01 instead of deriving it exactly."""

EXERCISE = "ch01.best_intercept"


def best_intercept(w, xs, ys):
    def loss(b):
        return sum((w * x + b - y) ** 2 for x, y in zip(xs, ys)) / len(xs)
    b = 0.0
    while loss(b + 0.01) < loss(b):
        b += 0.01
    while loss(b - 0.01) < loss(b):
        b -= 0.01
    return b
