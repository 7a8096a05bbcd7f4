"""Wrong: takes the cosine of the result, sin(x), instead of the input x."""

import math

from minigrad import Value

EXERCISE = "ch02.sin"


def sin(v):
    out = math.sin(v.data)
    return Value(out, parents=(v,), local=(math.cos(out),), op="sin")
