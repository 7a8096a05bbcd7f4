"""Wrong: the right local derivative, but the node forgets its parent, so no gradient reaches v."""

import math

from minigrad import Value

EXERCISE = "ch02.sin"


def sin(v):
    return Value(math.sin(v.data), _local=(math.cos(v.data),), _op="sin")
