"""Wrong: the one-sided difference of the derivative's definition, not the central one."""

EXERCISE = "ch02.numerical_gradient"


def numerical_gradient(f, x, h=1e-6):
    gradient = []
    for i in range(len(x)):
        up = list(x)
        up[i] += h
        gradient.append((f(up) - f(x)) / h)
    return gradient
