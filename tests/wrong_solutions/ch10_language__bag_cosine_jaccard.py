"""Wrong: the shared words over all the distinct words (the Jaccard index), not the cosine."""

EXERCISE = "ch10.bag_cosine"


def bag_cosine(n_u, n_v, shared):
    words = n_u + n_v - shared
    return shared / words if words else 0.0
