"""Wrong: divides by the mean number of words, not by the product of the two lengths."""

EXERCISE = "ch10.bag_cosine"


def bag_cosine(n_u, n_v, shared):
    mean = (n_u + n_v) / 2
    return shared / mean if mean else 0.0
