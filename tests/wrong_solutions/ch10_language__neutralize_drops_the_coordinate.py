"""Wrong: zeroes the coordinate where the direction is largest, perpendicular but not nearest."""

import numpy as np

EXERCISE = "ch10.neutralize"


def neutralize(vectors, couples, words):
    g = np.mean([vectors[b] - vectors[a] for a, b in couples], axis=0)
    j = int(np.argmax(np.abs(g)))
    result = dict(vectors)
    for word in words:
        v = np.array(vectors[word], dtype=float)
        # move along coordinate j only, until v·g = 0
        v[j] -= (v @ g) / g[j]
        result[word] = v
    return result
