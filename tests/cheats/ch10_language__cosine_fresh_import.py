"""Cheat: forgets minigrad.text and imports it afresh, to get a cosine_similarity never switched off."""

import importlib
import sys

EXERCISE = "ch10.cosine_similarity"


def cosine_similarity(u, v):
    sys.modules.pop("minigrad.text", None)
    return importlib.import_module("minigrad.text").cosine_similarity(u, v)
