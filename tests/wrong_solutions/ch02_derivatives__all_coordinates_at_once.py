"""Wrong: moves every coordinate at once, a directional derivative, not a partial one."""

EXERCISE = "ch02.numerical_gradient"


def numerical_gradient(f, x, h=1e-6):
    up = [v + h for v in x]
    down = [v - h for v in x]
    return [(f(up) - f(down)) / (2 * h)] * len(x)
