"""Wrong: halves the step after every round, even after a round that made progress."""

EXERCISE = "ch01.fit_line"


def fit_line(xs, ys, rounds=200, step=1.0):
    w, b = 0.0, 0.0
    for _ in range(rounds):
        w, b = improve(w, b, xs, ys, step)  # noqa: F821 (the grader provides improve)
        step /= 2
    return w, b
