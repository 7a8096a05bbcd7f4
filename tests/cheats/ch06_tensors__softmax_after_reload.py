"""Cheat: reloads minigrad.functional to get a softmax defined anew, then calls it."""

import importlib

import minigrad.functional
from minigrad import Tensor

EXERCISE = "ch06.softmax"


def softmax(x, axis=-1):
    functional = importlib.reload(minigrad.functional)
    return functional.softmax(Tensor(x), axis=axis).data
