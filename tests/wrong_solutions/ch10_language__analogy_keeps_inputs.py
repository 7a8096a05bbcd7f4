"""Wrong: does not leave the three words of the question out of the candidates."""

import numpy as np

EXERCISE = "ch10.analogy"


def analogy(a, b, c, vectors):
    target = vectors[b] - vectors[a] + vectors[c]

    def cosine(v):
        return float(v @ target / (np.linalg.norm(v) * np.linalg.norm(target)))
    return max(vectors, key=lambda w: cosine(vectors[w]))
