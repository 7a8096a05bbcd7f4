"""Chapter 12 exercises: the two kinds of error per group, and the saliency maps of a batch.

Replace each ``raise NotImplementedError`` with your code, then grade your work:

    pytest exercises/test_ch12_limits.py                     # feedback in English
    MINIGRAD_LANG=ca pytest exercises/test_ch12_limits.py    # comentaris en català
"""

from __future__ import annotations

from typing import Any

import numpy as np

import minigrad


def miss_rates_by_group(y_true: Any, y_pred: Any, groups: Any,
                        positive: Any = 1) -> dict[Any, tuple[float | None, float | None]]:
    """The two kinds of error of each group: {group: (false-negative rate, false-positive rate)}.

    The three arguments (lists or numpy arrays) have one entry per example: the true label, the
    predicted label, and the example's group (a number or a string). ``positive`` is the label
    that calls for action (1, "sick", ...); every other label is negative. Among a group's
    positive examples, the false-negative rate is the fraction not predicted positive (sick
    patients sent home); among its negative examples, the false-positive rate is the fraction
    predicted positive. Return one entry per group that occurs; a rate with no example to count
    it over (a group with no positive example has no false-negative rate) is ``None``.
    (Els dos tipus d'error de cada grup: la taxa de falsos negatius i la de falsos positius.)
    """
    raise NotImplementedError("first split each group into its positives and its negatives")


def saliency_maps(model: minigrad.nn.Module, images: np.ndarray, targets: Any) -> np.ndarray:
    """The saliency maps of a whole batch: entry [n] is |d scores[n, targets[n]] / d images[n]|.

    ``images`` has shape (N, H, W) and ``targets`` holds one class per image; ``model`` takes a
    batch of shape (N, 1, H, W) and returns scores of shape (N, C). Entry [n] of the result, of
    shape (N, H, W), is the chapter's saliency map of image n for its own class targets[n].
    Compute all N maps with minigrad's automatic differentiation and a single call of
    ``backward()`` for the whole batch (the grader counts the calls). Leave the images and the
    model unchanged.
    (Els mapes de rellevància de tot un lot, amb una sola crida a backward().)
    """
    raise NotImplementedError("which one number, backpropagated, gives each image its own map?")
