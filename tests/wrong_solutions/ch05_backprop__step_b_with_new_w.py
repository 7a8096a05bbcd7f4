"""Wrong: updates w first and computes the slope for b with the new w (not the same point)."""

EXERCISE = "ch05.gradient_descent_step"


def gradient_descent_step(w, b, xs, ys, learning_rate):
    n = len(xs)
    w = w - learning_rate * sum(2 * (w * x + b - y) * x for x, y in zip(xs, ys)) / n
    b = b - learning_rate * sum(2 * (w * x + b - y) for x, y in zip(xs, ys)) / n
    return w, b
