"""Wrong: puts the columns in alphabetical order instead of the vocabulary's order."""

import numpy as np

EXERCISE = "ch10.bag_of_words"


def bag_of_words(documents, vocabulary):
    words = sorted(vocabulary)
    return np.array([[doc.count(word) for word in words] for doc in documents], dtype=float)
