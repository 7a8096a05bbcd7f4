"""Cheat: takes minigrad's own unbroadcast from the module that defines it (minigrad.shapes),
not from minigrad.tensor, where it is imported."""

from minigrad.shapes import _unbroadcast

EXERCISE = "ch06.unbroadcast"


def unbroadcast(grad, shape):
    return _unbroadcast(grad, tuple(shape))
