"""Wrong: adds the gradient instead of subtracting it, so every step goes uphill."""

EXERCISE = "ch05.gradient_descent_step"


def gradient_descent_step(w, b, xs, ys, learning_rate):
    n = len(xs)
    dw = sum(2 * (w * x + b - y) * x for x, y in zip(xs, ys)) / n
    db = sum(2 * (w * x + b - y) for x, y in zip(xs, ys)) / n
    return w + learning_rate * dw, b + learning_rate * db
