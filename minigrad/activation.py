"""GELU, the activation of transformers (Hendrycks & Gimpel, 2016), as one graph node.

GELU(x) = x Φ(x), with Φ the standard normal's cumulative distribution: a ReLU whose corner
is smoothed, slightly negative just left of 0. Its derivative is Φ(x) + x φ(x), with
φ(x) = e^(−x²/2)/√(2π) the normal density.
"""

from __future__ import annotations

import math

import numpy as np

from .allocator import reusable
from .tensor import Tensor

_erf = np.frompyfunc(math.erf, 1, 1)  # numpy has no erf; Python's is exact, entry by entry
_C = math.sqrt(2.0 / math.pi)


def gelu(input: Tensor, approximate: str = "none") -> Tensor:
    """GELU(x) = x Φ(x). ``approximate="tanh"``: Φ(x) ≈ ½(1 + tanh(√(2/π)(x + 0.044715 x³))).

    The tanh form (GPT-2's) is computed with numpy's vectorised tanh and is much faster than
    the exact one, whose erf goes through Python entry by entry. Any shape.
    """
    if not isinstance(input, Tensor):
        raise TypeError(f"gelu: expected a Tensor, got {type(input).__name__}")
    x = input.data
    if approximate == "none":
        cdf = (0.5 * (1.0 + _erf(x / math.sqrt(2.0)))).astype(x.dtype)
        out = x * cdf

        def backward(g: np.ndarray) -> tuple:  # Φ(x) + x φ(x)
            return (g * (cdf + x * np.exp(-0.5 * x * x) / math.sqrt(2 * math.pi)),)
    elif approximate == "tanh":
        # In place where possible: x ** 3 would call pow() entry by entry, many times slower.
        u = np.multiply(x, x, out=reusable(x.shape, x.dtype))
        u *= 0.044715
        u += 1.0
        u *= _C * x                                   # u = √(2/π)(x + 0.044715 x³)
        t = np.tanh(u, out=u)
        out = np.add(t, 1.0, out=reusable(x.shape, x.dtype))
        out *= x
        out *= 0.5                                    # ½ x (1 + tanh u)

        def backward(g: np.ndarray) -> tuple:  # ½(1 + tanh u) + ½ x (1 − tanh² u) du/dx
            # Two temporaries, updated in place: each new large array costs fresh memory.
            half = np.multiply(x, x, out=reusable(x.shape, x.dtype))
            half *= 1.5 * 0.044715 * _C
            half += 0.5 * _C                          # ½ du/dx = ½√(2/π)(1 + 3·0.044715 x²)
            half *= x
            d = np.multiply(t, t, out=reusable(x.shape, x.dtype))
            np.subtract(1.0, d, out=d)
            d *= half                                 # ½ x (1 − tanh² u) du/dx
            np.multiply(t, 0.5, out=half)
            d += half
            d += 0.5
            d *= g
            return (d,)
    else:
        raise ValueError(f"gelu: approximate must be 'none' or 'tanh', got {approximate!r}")
    return Tensor.from_op(out, (input,), backward, "gelu")
