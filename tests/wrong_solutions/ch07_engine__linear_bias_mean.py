"""Wrong: the bias gradient averages the examples' gradients instead of adding them."""

EXERCISE = "ch07.linear"


def linear(x, weight, bias):
    out = x @ weight.T + bias

    def backward(grad):
        g2, x2 = grad.reshape(-1, grad.shape[-1]), x.reshape(-1, x.shape[-1])
        return grad @ weight, g2.T @ x2, g2.mean(axis=0)
    return out, backward
