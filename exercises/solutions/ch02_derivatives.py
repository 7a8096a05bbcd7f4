"""Chapter 2 exercises: reference solutions (the book shows them in a collapsed dropdown)."""

from __future__ import annotations

import math
from typing import Callable

from minigrad import Value


def numerical_gradient(f: Callable[[list[float]], float], x: list[float],
                       h: float = 1e-6) -> list[float]:
    """Estimate the gradient of ``f`` at the point ``x``, one partial derivative per coordinate."""
    gradient = []
    for i in range(len(x)):
        # A fresh copy per coordinate: x itself stays untouched, and the other coordinates stay
        # fixed, which is what a partial derivative means. Symmetric around x[i], so the h² term
        # of the Taylor series cancels and the error is O(h²), not O(h).
        up, down = list(x), list(x)
        up[i] += h
        down[i] -= h
        gradient.append((f(up) - f(down)) / (2 * h))
    return gradient


def sin(v: Value) -> Value:
    """Return a new ``Value`` holding sin(v.data) that ``backward()`` can differentiate."""
    # The local derivative is computed now, from the input: d sin(x)/dx = cos(x).
    # backward() will multiply it by the gradient arriving from above.
    x = v.data
    return Value(math.sin(x), parents=(v,), local=(math.cos(x),), op="sin")
