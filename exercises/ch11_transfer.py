"""Chapter 11 exercises: freezing the feature layers, and comparing training strategies.

Replace each ``raise NotImplementedError`` with your code, then grade your work:

    pytest exercises/test_ch11_transfer.py                     # feedback in English
    MINIGRAD_LANG=ca pytest exercises/test_ch11_transfer.py    # comentaris en català
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from minigrad import nn


def freeze_features(model: nn.Sequential, n_frozen: int) -> list[nn.Parameter]:
    """Freeze the parameters of the first ``n_frozen`` layers of ``model``; return the others.

    Every parameter of ``model[0]``, ..., ``model[n_frozen - 1]`` gets ``requires_grad = False``;
    every parameter of the remaining layers gets ``requires_grad = True``. Return the list of
    trainable parameters, in the order of ``model.parameters()``, to give to an optimiser.
    (Congela els paràmetres de les primeres n_frozen capes i retorna els que queden
    entrenables.)
    """
    raise NotImplementedError("walk the layers by position: freeze the first ones, thaw the rest")


def compare(trainers: dict[str, Callable], X_pool: np.ndarray, y_pool: np.ndarray,
            X_test: np.ndarray, y_test: np.ndarray,
            labels_per_class: list[int]) -> dict[str, list[float]]:
    """Test accuracy of each trainer for each number of labelled examples per class.

    ``trainers`` maps a name to a function ``trainer(X, y)`` that trains a model on ``(X, y)``
    and returns a function ``predict(X)`` giving the predicted classes of ``X``.
    For each ``n`` in ``labels_per_class``: keep the first ``n`` examples of each class of the
    pool, in the order they appear (all of them if a class has fewer); call each trainer once on
    them; measure the fraction of ``X_test`` that its predictor classifies right (``y_test``).
    Return ``{name: [accuracy for each n]}``.
    (L'exactitud de cada entrenador amb els n primers exemples de cada classe.)
    """
    raise NotImplementedError("for each n, the first n examples of each class, in pool order")
