"""Wrong: forgets the factor 2 that the derivative of the square brings down."""

EXERCISE = "ch05.gradient_descent_step"


def gradient_descent_step(w, b, xs, ys, learning_rate):
    n = len(xs)
    dw = sum((w * x + b - y) * x for x, y in zip(xs, ys)) / n
    db = sum((w * x + b - y) for x, y in zip(xs, ys)) / n
    return w - learning_rate * dw, b - learning_rate * db
