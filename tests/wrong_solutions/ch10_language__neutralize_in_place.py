"""Wrong: changes the arrays it was given, in place."""

import numpy as np

EXERCISE = "ch10.neutralize"


def neutralize(vectors, couples, words):
    g = np.mean([vectors[b] - vectors[a] for a, b in couples], axis=0)
    g = g / np.linalg.norm(g)
    for word in words:
        vectors[word] -= (vectors[word] @ g) * g
    return vectors
