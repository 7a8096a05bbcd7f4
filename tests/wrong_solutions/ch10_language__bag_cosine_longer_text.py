"""Wrong: the shared words over the length of the longer text, as if only one norm counted."""

EXERCISE = "ch10.bag_cosine"


def bag_cosine(n_u, n_v, shared):
    longer = max(n_u, n_v)
    return shared / longer if longer else 0.0
