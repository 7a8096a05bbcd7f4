"""Wrong: checks each example after updating on it, when the mistake has already been fixed."""

EXERCISE = "ch03.train_perceptron"


def train_perceptron(X, targets, epochs, lr):
    weights, bias = [0.0] * len(X[0]), 0.0
    mistakes = []
    for _ in range(epochs):
        wrong = 0
        for x, target in zip(X, targets):
            weights, bias = perceptron_update(weights, bias, x, target, lr)  # noqa: F821
            if perceptron_predict(weights, bias, x) != target:  # noqa: F821 (the grader provides it)
                wrong += 1
        mistakes.append(wrong)
    return weights, bias, mistakes
