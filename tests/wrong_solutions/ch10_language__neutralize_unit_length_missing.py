"""Wrong: takes away (v·g) g with g the mean difference itself, not a vector of length 1."""

import numpy as np

EXERCISE = "ch10.neutralize"


def neutralize(vectors, couples, words):
    g = np.mean([vectors[b] - vectors[a] for a, b in couples], axis=0)
    result = dict(vectors)
    for word in words:
        result[word] = vectors[word] - (vectors[word] @ g) * g
    return result
