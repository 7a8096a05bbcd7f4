"""Wrong: updates the weights but leaves the bias where it was."""

EXERCISE = "ch03.perceptron_update"


def perceptron_update(weights, bias, x, target, lr):
    y = perceptron_predict(weights, bias, x)  # noqa: F821 (the grader provides it)
    return [w + lr * (target - y) * v for w, v in zip(weights, x)], bias
