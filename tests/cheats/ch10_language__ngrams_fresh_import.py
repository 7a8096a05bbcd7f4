"""Cheat: forgets minigrad.text and imports it afresh, to get an ngrams never switched off."""

import importlib
import sys

EXERCISE = "ch10.ngrams"


def ngrams(tokens, n):
    sys.modules.pop("minigrad.text", None)
    return importlib.import_module("minigrad.text").ngrams(tokens, n)
