"""Wrong: the squared distance, without its square root."""

EXERCISE = "ch10.analogy_miss"


def analogy_miss(length_ab, length_cd, arrow_cosine):
    return length_ab ** 2 + length_cd ** 2 - 2 * length_ab * length_cd * arrow_cosine
