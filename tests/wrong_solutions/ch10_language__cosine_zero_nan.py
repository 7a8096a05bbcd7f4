"""Wrong: forgets the zero vector, so 0/0 gives nan instead of 0.0."""

import numpy as np

EXERCISE = "ch10.cosine_similarity"


def cosine_similarity(u, v):
    return float(np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v)))
