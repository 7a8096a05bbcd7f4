"""Wrong: writes the derivative into v.grad at once instead of recording it in the graph.

On a lone `sin(v).backward()` v.grad even ends up right; inside a bigger expression the
gradient coming from above is never multiplied in.
"""

import math

from minigrad import Value

EXERCISE = "ch02.sin"


def sin(v):
    v.grad += math.cos(v.data)
    return Value(math.sin(v.data))
