"""Chapter 6 exercises: broadcasting gradients and a numerically stable softmax.

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
    (Suma ``grad`` sobre els eixos afegits i els eixos de mida 1 de ``shape``.)
    """
    raise NotImplementedError("which axes did broadcasting add or stretch? what do the copies send back?")


def softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    """The softmax of ``x`` along ``axis``: exp(x) / sum(exp(x)), without overflow.

    Subtract the maximum of each slice along ``axis`` before taking exponentials. The result
    has the shape of ``x``; every slice along ``axis`` is positive and adds up to 1.
    Do not modify ``x``. (Resta el màxim de cada tall abans de l'exponencial.)
    """
    raise NotImplementedError("the maximum of each slice, not of the array; keepdims=True lets it broadcast")


def log_softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    """The logarithm of the softmax of ``x`` along ``axis``, finite wherever ``x`` is.

    Use x - m - log(sum(exp(x - m))), where m is the maximum of each slice along ``axis``;
    do not take the logarithm of a softmax (it can be log(0)). Do not modify ``x``.
    (Calcula-ho amb log-sum-exp, no amb el logaritme d'una softmax.)
    """
    raise NotImplementedError("the chapter's log-sum-exp, with the maximum of each slice; never log(softmax)")
