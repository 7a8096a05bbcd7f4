"""Wrong: keeps the same step for ever, so it stops improving once every nudge overshoots."""

EXERCISE = "ch01.fit_line"


def fit_line(xs, ys, rounds=200, step=1.0):
    w, b = 0.0, 0.0
    for _ in range(rounds):
        w, b = improve(w, b, xs, ys, step)  # noqa: F821 (the grader provides improve)
    return w, b
