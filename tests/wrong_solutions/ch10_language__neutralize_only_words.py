"""Wrong: returns only the words it changed."""

import numpy as np

EXERCISE = "ch10.neutralize"


def neutralize(vectors, couples, words):
    g = np.mean([vectors[b] - vectors[a] for a, b in couples], axis=0)
    g = g / np.linalg.norm(g)
    return {word: vectors[word] - (vectors[word] @ g) * g for word in words}
