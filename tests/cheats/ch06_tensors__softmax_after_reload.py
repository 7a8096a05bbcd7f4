"""Cheat: reloads minigrad.functional to get a log-softmax defined anew, then uses it."""

import importlib

import numpy as np

import minigrad.functional
from minigrad import Tensor

EXERCISE = "ch06.logsumexp"


def logsumexp(x, axis=-1, keepdims=False):
    functional = importlib.reload(minigrad.functional)
    out = (x - functional.log_softmax(Tensor(x), axis=axis).data).max(axis=axis, keepdims=True)
    return out if keepdims else np.squeeze(out, axis=axis)
