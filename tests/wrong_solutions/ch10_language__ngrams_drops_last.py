"""Wrong: an off-by-one, range(len(tokens) - n) misses the last n-gram."""

EXERCISE = "ch10.ngrams"


def ngrams(tokens, n):
    return [" ".join(tokens[i:i + n]) for i in range(len(tokens) - n)]
