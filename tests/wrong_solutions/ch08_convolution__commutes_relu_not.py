"""Wrong: the ReLU changes the values of negative pixels, so it seems not to commute; but it keeps
their order, and the largest pixel of a window stays the largest."""

EXERCISE = "ch08.commutes_with_max_pool"


def commutes_with_max_pool():
    return {"relu": False, "negative": False, "square": False, "double_plus_one": True}
