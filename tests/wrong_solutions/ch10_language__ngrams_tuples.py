"""Wrong: returns tuples of tokens instead of strings joined by a space."""

EXERCISE = "ch10.ngrams"


def ngrams(tokens, n):
    return [tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]
