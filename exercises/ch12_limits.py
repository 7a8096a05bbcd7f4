"""Chapter 12 exercises: error rates per group, and a saliency map.

Replace each ``raise NotImplementedError`` with your code, then grade your work:

    pytest exercises/test_ch12_limits.py                     # feedback in English
    MINIGRAD_LANG=ca pytest exercises/test_ch12_limits.py    # comentaris en català
"""

from __future__ import annotations

from typing import Any

import numpy as np

import minigrad


def error_rates_by_group(y_true: Any, y_pred: Any, groups: Any) -> dict[Any, float]:
    """The error rate of each group: {group: fraction of its examples predicted wrongly}.

    The three arguments (lists or numpy arrays) have one entry per example: the true label,
    the predicted label, and the example's group (a number or a string). Return one entry
    per group that occurs, each a float between 0 and 1.
    (La taxa d'error de cada grup: la fracció dels seus exemples mal predits.)
    """
    raise NotImplementedError("select each group's examples, then count its mistakes")


def saliency_map(model: minigrad.nn.Module, image: np.ndarray, target: int) -> np.ndarray:
    """|d score[target] / d pixel| for every pixel of ``image``, an array of shape (H, W).

    ``model`` takes a batch of shape (1, 1, H, W) and returns scores of shape (1, C). Compute
    the gradient with minigrad's automatic differentiation, as the chapter does for one digit
    (not with finite differences). Return a numpy array of shape (H, W) with the absolute
    values, and leave the image and the model unchanged.
    (El valor absolut del gradient de la puntuació de la classe target respecte de cada píxel.)
    """
    raise NotImplementedError("backpropagate one class's score to the input image")
