"""Wrong: only linear-looking functions commute (2x + 1 and −x); −x reverses the order, and the
ReLU, not linear, keeps it."""

EXERCISE = "ch08.commutes_with_max_pool"


def commutes_with_max_pool():
    return {"relu": False, "negative": True, "square": False, "double_plus_one": True}
