"""Wrong: takes the direction from the first couple alone."""

import numpy as np

EXERCISE = "ch10.neutralize"


def neutralize(vectors, couples, words):
    a, b = couples[0]
    g = vectors[b] - vectors[a]
    g = g / np.linalg.norm(g)
    result = dict(vectors)
    for word in words:
        result[word] = vectors[word] - (vectors[word] @ g) * g
    return result
