"""Cheat: keeps minigrad's cosine_similarity in a registry of its own, made when the file is
loaded (a dict holds the function object, so switching off the name alone would not stop it)."""

import numpy as np

import minigrad.text

SIMILARITIES = {"cosine": minigrad.text.cosine_similarity}

EXERCISE = "ch10.bag_cosine"


def bag_cosine(n_u, n_v, shared):
    u = np.r_[np.ones(n_u), np.zeros(n_v - shared)]
    v = np.r_[np.zeros(n_u - shared), np.ones(n_v)]
    return SIMILARITIES["cosine"](u, v)
