"""Wrong: the length of the sum of the two arrows, not of their difference."""

import math

EXERCISE = "ch10.analogy_miss"


def analogy_miss(length_ab, length_cd, arrow_cosine):
    return math.sqrt(length_ab ** 2 + length_cd ** 2 + 2 * length_ab * length_cd * arrow_cosine)
