"""Wrong: calls minigrad.text.ngrams (the grader switches it off)."""

from minigrad.text import ngrams as library_ngrams

EXERCISE = "ch10.ngrams"


def ngrams(tokens, n):
    return library_ngrams(tokens, n)
