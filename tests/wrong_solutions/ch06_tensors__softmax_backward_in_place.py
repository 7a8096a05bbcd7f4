"""Wrong: the right numbers, computed in the upstream gradient it received (modified in place)."""

EXERCISE = "ch06.softmax_backward"


def softmax_backward(probs, grad, axis=-1):
    grad -= (grad * probs).sum(axis=axis, keepdims=True)
    grad *= probs
    return grad
