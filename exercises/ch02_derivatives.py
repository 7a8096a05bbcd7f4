"""Chapter 2 exercises: derivatives and the scalar engine.

Replace each ``raise NotImplementedError`` with your code, then grade your work:

    pytest exercises/test_ch02_derivatives.py                     # feedback in English
    MINIGRAD_LANG=ca pytest exercises/test_ch02_derivatives.py    # comentaris en català
"""

from __future__ import annotations

import math  # math.sin and math.cos will be useful
from typing import Callable

from minigrad import Value


def numerical_gradient(f: Callable[[float], float], x: float, h: float = 1e-6) -> float:
    """Estimate f'(x) with the central difference (f(x + h) - f(x - h)) / (2h).

    Use only plain numbers: evaluate ``f`` on both sides of ``x`` and combine the results.
    (Estima f'(x) amb la diferència centrada: avalua ``f`` a banda i banda de ``x``.)
    """
    raise NotImplementedError("central difference: at which two points is f evaluated, how far apart?")


def sin(v: Value) -> Value:
    """Return a new ``Value`` holding sin(v.data) that ``backward()`` can differentiate.

    Build the node the way minigrad's own operations are built (see ``Value.tanh``):
    ``Value(data, parents=(...), local=(...), op="sin")``, where ``parents`` are the
    operands and ``local[i]`` is d(result)/d(parents[i]) at this point.
    (Construeix el node com les operacions de minigrad: resultat, operands i derivades locals.)
    """
    raise NotImplementedError("local derivative: at which value is it evaluated, the operand or the result?")
