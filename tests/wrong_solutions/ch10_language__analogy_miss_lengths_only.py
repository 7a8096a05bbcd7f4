"""Wrong: the difference of the two lengths, as if the arrows were always parallel."""

EXERCISE = "ch10.analogy_miss"


def analogy_miss(length_ab, length_cd, arrow_cosine):
    return abs(length_ab - length_cd)
