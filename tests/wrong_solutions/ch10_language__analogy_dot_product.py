"""Wrong: ranks the candidates by dot product, which favours long vectors, not by cosine."""

import numpy as np

EXERCISE = "ch10.analogy"


def analogy(a, b, c, vectors):
    target = vectors[b] - vectors[a] + vectors[c]
    candidates = [w for w in vectors if w not in (a, b, c)]
    return max(candidates, key=lambda w: float(np.dot(vectors[w], target)))
