"""Cheat: calls the softmax backward that minigrad's attention keeps for itself."""

from minigrad.attention import _softmax_backward

EXERCISE = "ch06.softmax_backward"


def softmax_backward(probs, grad, axis=-1):
    return _softmax_backward(probs, grad, axis)
