"""Cheat: keeps minigrad's cosine_similarity in a registry of its own, made when the file is
loaded (a dict holds the function object, so switching off the name alone would not stop it)."""

import minigrad.text

SIMILARITIES = {"cosine": minigrad.text.cosine_similarity}

EXERCISE = "ch10.analogy"


def analogy(a, b, c, vectors):
    target = vectors[b] - vectors[a] + vectors[c]
    candidates = [word for word in vectors if word not in (a, b, c)]
    return max(candidates, key=lambda word: SIMILARITIES["cosine"](vectors[word], target))
