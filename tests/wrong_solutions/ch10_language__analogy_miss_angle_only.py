"""Wrong: the miss of two unit arrows, as if the lengths did not matter."""

import math

EXERCISE = "ch10.analogy_miss"


def analogy_miss(length_ab, length_cd, arrow_cosine):
    return math.sqrt(max(2 - 2 * arrow_cosine, 0.0))
