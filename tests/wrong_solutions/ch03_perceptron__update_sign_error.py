"""Wrong: the error taken as prediction − target, so every correction goes the wrong way."""

EXERCISE = "ch03.perceptron_update"


def perceptron_update(weights, bias, x, target, lr):
    y = perceptron_predict(weights, bias, x)  # noqa: F821 (the grader provides it)
    error = y - target
    return [w + lr * error * v for w, v in zip(weights, x)], bias + lr * error
