"""Chapter 2 exercises: derivatives and the scalar engine.

Replace each ``raise NotImplementedError`` with your code, then grade your work:

    pytest exercises/test_ch02_derivatives.py                     # feedback in English
    MINIGRAD_LANG=ca pytest exercises/test_ch02_derivatives.py    # comentaris en català
"""

from __future__ import annotations

import math  # math.sin and math.cos will be useful
from typing import Callable

from minigrad import Value


def numerical_gradient(f: Callable[[list[float]], float], x: list[float],
                       h: float = 1e-6) -> list[float]:
    """Estimate the gradient of ``f`` at the point ``x`` with central differences of step ``h``.

    ``f`` takes a list of numbers and returns a number. Return a list as long as ``x``, whose
    element ``i`` is the estimate of the partial derivative of ``f`` with respect to ``x[i]``;
    leave ``x`` itself unchanged. Use only plain numbers, not ``Value``.
    (Retorna una llista amb una estimació de cada derivada parcial de ``f`` a ``x``.)
    """
    raise NotImplementedError("one partial derivative per coordinate: which coordinates stay fixed?")


def sin(v: Value) -> Value:
    """Return a new ``Value`` holding sin(v.data) that ``backward()`` can differentiate.

    Build the node the way minigrad's own operations are built (see ``Value.tanh``):
    ``Value(data, parents=(...), local=(...), op="sin")``, where ``parents`` are the
    operands and ``local[i]`` is d(result)/d(parents[i]) at this point.
    (Construeix el node com les operacions de minigrad: resultat, operands i derivades locals.)
    """
    raise NotImplementedError("local derivative: at which value is it evaluated, the operand or the result?")
