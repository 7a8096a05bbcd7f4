"""Wrong: hands the counting to minigrad.text (the grader switches it off)."""

from minigrad import text

EXERCISE = "ch10.bag_of_words"


def bag_of_words(documents, vocabulary):
    return text.bag_of_words(documents, text.Vocabulary(vocabulary, unknown=None))
