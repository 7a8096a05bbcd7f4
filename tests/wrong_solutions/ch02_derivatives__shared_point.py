"""Wrong: moves the caller's x in place and never puts it back."""

EXERCISE = "ch02.numerical_gradient"


def numerical_gradient(f, x, h=1e-6):
    gradient = []
    for i in range(len(x)):
        x[i] += h
        up = f(x)
        x[i] -= 2 * h
        gradient.append((up - f(x)) / (2 * h))
    return gradient
