"""Wrong: the right value, but the node records neither its parent nor its local derivative."""

import math

from minigrad import Value

EXERCISE = "ch02.sin"


def sin(v):
    return Value(math.sin(v.data), op="sin")
