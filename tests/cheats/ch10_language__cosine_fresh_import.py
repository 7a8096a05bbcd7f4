"""Cheat: forgets minigrad.text and imports it afresh, to get a cosine_similarity never switched off."""

import importlib
import sys

import numpy as np

EXERCISE = "ch10.bag_cosine"


def bag_cosine(n_u, n_v, shared):
    sys.modules.pop("minigrad.text", None)
    u = np.r_[np.ones(n_u), np.zeros(n_v - shared)]
    v = np.r_[np.zeros(n_u - shared), np.ones(n_v)]
    return importlib.import_module("minigrad.text").cosine_similarity(u, v)
