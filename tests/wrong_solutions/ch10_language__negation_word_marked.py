"""Wrong: a second negation word in the clause gets the prefix too."""

import re

from minigrad import text

EXERCISE = "ch10.mark_negation"


def mark_negation(review, negations=("not", "no", "never")):
    marked = []
    for clause in re.split(r"[;:!?]|(?<!\d)[.,]|[.,](?!\d)", review):
        negated = False
        for token in text.tokenize(clause):
            marked.append("not_" + token if negated else token)
            negated = negated or token in negations
    return marked
