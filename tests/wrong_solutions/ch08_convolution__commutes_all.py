"""Wrong: every function applied pixel by pixel commutes with max pooling; not those that change
the order of the pixels (−x, and x² on negative pixels)."""

EXERCISE = "ch08.commutes_with_max_pool"


def commutes_with_max_pool():
    return {"relu": True, "negative": True, "square": True, "double_plus_one": True}
