"""Wrong: calls minigrad's own unbroadcasting instead of writing it (the grader switches it off)."""

from minigrad.tensor import _unbroadcast

EXERCISE = "ch06.unbroadcast"


def unbroadcast(grad, shape):
    return _unbroadcast(grad, tuple(shape))
