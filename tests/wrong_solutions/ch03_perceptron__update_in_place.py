"""Wrong: changes the caller's list of weights instead of returning a new one."""

EXERCISE = "ch03.perceptron_update"


def perceptron_update(weights, bias, x, target, lr):
    error = target - perceptron_predict(weights, bias, x)  # noqa: F821 (the grader provides it)
    for i, v in enumerate(x):
        weights[i] += lr * error * v
    return weights, bias + lr * error
