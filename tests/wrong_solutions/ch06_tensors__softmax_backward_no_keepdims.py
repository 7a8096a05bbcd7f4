"""Wrong: the sum drops the reduced axis, so it broadcasts against the wrong axes (right only
when ``axis`` is the first one)."""

EXERCISE = "ch06.softmax_backward"


def softmax_backward(probs, grad, axis=-1):
    weighted = (grad * probs).sum(axis=axis)
    return probs * (grad - weighted)
