"""Wrong: multiplies by the weight without transposing it (right only for square weights)."""

EXERCISE = "ch07.linear"


def linear(x, weight, bias):
    out = x @ weight + bias

    def backward(grad):
        g2, x2 = grad.reshape(-1, grad.shape[-1]), x.reshape(-1, x.shape[-1])
        return grad @ weight.T, x2.T @ g2, g2.sum(axis=0)
    return out, backward
