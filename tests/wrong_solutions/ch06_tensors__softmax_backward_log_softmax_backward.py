"""Wrong: the backward of log-softmax, g − s · Σ g, not that of softmax."""

EXERCISE = "ch06.softmax_backward"


def softmax_backward(probs, grad, axis=-1):
    return grad - probs * grad.sum(axis=axis, keepdims=True)
