"""Chapter 6 exercises, part 2: the backward of two operations of a tensor engine.

Each function receives the inputs of an operation and ``grad``, the gradient of the loss
with respect to the operation's result (dL/dout, in the shape of the result), and returns
the gradient with respect to each input, in that input's shape. Work with numpy arrays: the
grader switches off minigrad's backpropagation, so the numbers must come from your code.
The first needs ``unbroadcast``, your exercise 6.1, imported below from ``ch06_tensors.py``.
(Cada funció rep les entrades d'una operació i el gradient del resultat, i retorna el
gradient de cada entrada amb la forma d'aquesta entrada.)

Replace each ``raise NotImplementedError`` with your code, then grade your work:

    pytest exercises/test_ch06_engine.py                     # feedback in English
    MINIGRAD_LANG=ca pytest exercises/test_ch06_engine.py    # comentaris en català
"""

from __future__ import annotations

import numpy as np

from ch06_tensors import unbroadcast  # your exercise 6.1


def div_backward(x: np.ndarray, y: np.ndarray,
                 grad: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The backward of ``out = x / y`` with broadcasting: return (dL/dx, dL/dy).

    ``grad`` is dL/dout, of the broadcast shape of x and y (no entry of y is 0). Work out,
    entry by entry, how ``out`` changes with ``x`` and with ``y`` (the chain rule), then bring
    each gradient back to the shape of its input with ``unbroadcast``. Do not modify the
    arrays you receive. (Retorna els gradients de x i de y, cadascun amb la forma de la seva
    entrada.)
    """
    raise NotImplementedError("entry by entry: how much does out move when y moves? then back to y's shape")


def quadratic_backward(x: np.ndarray, a: np.ndarray,
                       grad: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The backward of the quadratic form ``out = xᵀ a x`` of each row: return (dL/dx, dL/da).

    x has shape (..., d): one vector of d entries per example, with any batch axes in front;
    the matrix a has shape (d, d) and need not be symmetric; ``out[...] = Σ_ij x[..., i] a[i, j]
    x[..., j]`` (``np.einsum("...i,ij,...j->...", x, a, x)``) has the batch shape, and so has
    ``grad``.
    Each gradient has its input's shape. Do not modify the arrays you receive.
    (La forma quadràtica de cada fila: x hi apareix dues vegades.)
    """
    raise NotImplementedError("x appears twice in the product: what does each appearance send back?")
