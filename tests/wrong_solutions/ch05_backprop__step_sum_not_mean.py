"""Wrong: sums the squared errors' slopes instead of averaging them (the loss is a mean)."""

EXERCISE = "ch05.gradient_descent_step"


def gradient_descent_step(w, b, xs, ys, learning_rate):
    dw = sum(2 * (w * x + b - y) * x for x, y in zip(xs, ys))
    db = sum(2 * (w * x + b - y) for x, y in zip(xs, ys))
    return w - learning_rate * dw, b - learning_rate * db
