"""Wrong: the derivative of sin is cos, not -cos (that is the derivative of cos)."""

import math

from minigrad import Value

EXERCISE = "ch02.sin"


def sin(v):
    return Value(math.sin(v.data), parents=(v,), local=(-math.cos(v.data),), op="sin")
