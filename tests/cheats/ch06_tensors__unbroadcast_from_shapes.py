"""Cheat: takes minigrad's own unbroadcast through a module that imports it (minigrad.tensor's
namespace), not from minigrad.shapes, where it is defined."""

import sys

import minigrad  # noqa: F401 - loads minigrad.tensor

library_unbroadcast = vars(sys.modules["minigrad.tensor"])["unbroadcast"]

EXERCISE = "ch06.unbroadcast"


def unbroadcast(grad, shape):
    return library_unbroadcast(grad, tuple(shape))
