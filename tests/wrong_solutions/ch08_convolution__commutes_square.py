"""Wrong: x² keeps the largest pixel largest, true only for maps without negative pixels."""

EXERCISE = "ch08.commutes_with_max_pool"


def commutes_with_max_pool():
    return {"relu": True, "negative": False, "square": True, "double_plus_one": True}
