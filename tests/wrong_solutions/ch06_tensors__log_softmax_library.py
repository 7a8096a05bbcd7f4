"""Wrong: calls minigrad's functional log_softmax (the grader switches it off)."""

import minigrad.functional as F
from minigrad import Tensor

EXERCISE = "ch06.log_softmax"


def log_softmax(x, axis=-1):
    return F.log_softmax(Tensor(x), axis=axis).data
