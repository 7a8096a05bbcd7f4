"""Wrong: the two points are 2h apart, but this divides by h."""

EXERCISE = "ch02.numerical_gradient"


def numerical_gradient(f, x, h=1e-6):
    gradient = []
    for i in range(len(x)):
        up, down = list(x), list(x)
        up[i] += h
        down[i] -= h
        gradient.append((f(up) - f(down)) / h)
    return gradient
