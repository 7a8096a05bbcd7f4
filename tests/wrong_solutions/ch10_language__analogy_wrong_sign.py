"""Wrong: computes a - b + c instead of b - a + c."""

import numpy as np

EXERCISE = "ch10.analogy"


def analogy(a, b, c, vectors):
    target = vectors[a] - vectors[b] + vectors[c]

    def cosine(v):
        return float(v @ target / (np.linalg.norm(v) * np.linalg.norm(target)))
    return max((w for w in vectors if w not in (a, b, c)), key=lambda w: cosine(vectors[w]))
