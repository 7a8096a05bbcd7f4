"""Chapter 6 exercises: broadcasting gradients, a stable log-sum-exp and the backward of softmax.

Work with numpy arrays only: the grader switches off minigrad's own versions of these
functions, so the numbers must come from your code.
(Treballa només amb arrays de numpy: el corrector desactiva les versions de minigrad.)

Replace each ``raise NotImplementedError`` with your code, then grade your work:

    pytest exercises/test_ch06_tensors.py                     # feedback in English
    MINIGRAD_LANG=ca pytest exercises/test_ch06_tensors.py    # comentaris en català
"""

from __future__ import annotations

import numpy as np


def unbroadcast(grad: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """Sum ``grad`` back to ``shape``: the gradient of an input that broadcasting stretched.

    Sum over the leading axes that broadcasting added, and over the axes where ``shape``
    has size 1 (keeping them), so that the result has exactly the shape ``shape``.
    Example: ``grad`` of shape (5, 3, 4) and ``shape`` (3, 1) give an array of shape (3, 1).
    (Suma ``grad`` al llarg dels eixos afegits i dels eixos de mida 1 de ``shape``.)
    """
    raise NotImplementedError("which axes did broadcasting add or stretch? what do the copies send back?")


def logsumexp(x: np.ndarray, axis: int = -1, keepdims: bool = False) -> np.ndarray:
    """log(sum(exp(x))) along ``axis``, without overflow, for scores that may be masked.

    Entries of ``x`` are finite or -inf (a masked score: e^(-inf) = 0, it adds nothing). A slice
    whose entries are all -inf has the answer -inf, never nan. With ``keepdims`` the reduced axis
    stays, with size 1; without it, it goes, as in ``np.sum``. Do not modify ``x``.
    (El log-sum-exp de cada tall, estable, també amb puntuacions emmascarades a -inf.)
    """
    raise NotImplementedError("shift by the slice's maximum; what is that maximum if every score is -inf?")


def softmax_backward(probs: np.ndarray, grad: np.ndarray, axis: int = -1) -> np.ndarray:
    """dL/dz for s = softmax(z) along ``axis``, from ``probs`` = s and ``grad`` = g = dL/ds.

    ``probs`` and ``grad`` have the same shape, any shape, and so has the result. Each
    probability of a slice along ``axis`` depends on every score of that slice: a slice of C
    classes has C×C derivatives ∂sᵢ/∂zⱼ. Do not build that matrix (C may be 20000), and do
    not modify ``probs`` or ``grad``.
    (El gradient respecte de z de s = softmax(z), a partir de s i de g, sense la matriu C×C.)
    """
    raise NotImplementedError("work out ∂sᵢ/∂zⱼ by hand: in Σᵢ gᵢ ∂sᵢ/∂zⱼ, what is the same for every j?")
