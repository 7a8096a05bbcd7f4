"""Wrong: the mistake counter is never reset, so each epoch reports the running total."""

EXERCISE = "ch03.train_perceptron"


def train_perceptron(X, targets, epochs, lr):
    weights, bias = [0.0] * len(X[0]), 0.0
    mistakes, wrong = [], 0
    for _ in range(epochs):
        for x, target in zip(X, targets):
            if perceptron_predict(weights, bias, x) != target:  # noqa: F821 (the grader provides it)
                wrong += 1
            weights, bias = perceptron_update(weights, bias, x, target, lr)  # noqa: F821
        mistakes.append(wrong)
    return weights, bias, mistakes
