"""Wrong: right formula, but the default step is 1e-5 instead of the stub's 1e-6."""

EXERCISE = "ch02.numerical_gradient"


def numerical_gradient(f, x, h=1e-5):
    gradient = []
    for i in range(len(x)):
        up, down = list(x), list(x)
        up[i] += h
        down[i] -= h
        gradient.append((f(up) - f(down)) / (2 * h))
    return gradient
