"""Wrong: calls minigrad's own unbroadcasting instead of writing it (the grader switches it off)."""

from minigrad.shapes import unbroadcast as library_unbroadcast

EXERCISE = "ch06.unbroadcast"


def unbroadcast(grad, shape):
    return library_unbroadcast(grad, tuple(shape))
