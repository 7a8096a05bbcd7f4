"""Wrong: the dot product alone, without dividing by the lengths of the vectors."""

import numpy as np

EXERCISE = "ch10.cosine_similarity"


def cosine_similarity(u, v):
    return float(np.dot(u, v))
