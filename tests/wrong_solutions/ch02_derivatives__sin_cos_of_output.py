"""Wrong: takes the cosine of the result, sin(x), instead of the input x."""

import math

from minigrad import Value

EXERCISE = "ch02.sin"


def sin(v):
    out = math.sin(v.data)
    return Value(out, _parents=(v,), _local=(math.cos(out),), _op="sin")
