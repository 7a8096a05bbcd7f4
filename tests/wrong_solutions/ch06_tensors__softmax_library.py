"""Wrong: hands the work to minigrad's Tensor.softmax (the grader switches it off)."""

from minigrad import Tensor

EXERCISE = "ch06.softmax"


def softmax(x, axis=-1):
    return Tensor(x).softmax(axis=axis).data
