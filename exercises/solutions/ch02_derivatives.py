"""Chapter 2 exercises: reference solutions (the book shows them in a collapsed dropdown)."""

from __future__ import annotations

import math
from typing import Callable

from minigrad import Value


def numerical_gradient(f: Callable[[float], float], x: float, h: float = 1e-6) -> float:
    """Estimate f'(x) with the central difference (f(x + h) - f(x - h)) / (2h)."""
    # Symmetric around x, so the h² term of the Taylor series cancels: the error
    # is O(h²) instead of the O(h) of the one-sided (f(x + h) - f(x)) / h.
    return (f(x + h) - f(x - h)) / (2 * h)


def sin(v: Value) -> Value:
    """Return a new ``Value`` holding sin(v.data) that ``backward()`` can differentiate."""
    # The local derivative is computed now, from the input: d sin(x)/dx = cos(x).
    # backward() will multiply it by the gradient arriving from above.
    x = v.data
    return Value(math.sin(x), parents=(v,), local=(math.cos(x),), op="sin")
