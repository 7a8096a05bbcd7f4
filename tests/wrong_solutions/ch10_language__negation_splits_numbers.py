"""Wrong: cuts clauses at every point and comma, even inside a number such as 3.5."""

import re

from minigrad import text

EXERCISE = "ch10.mark_negation"


def mark_negation(review, negations=("not", "no", "never")):
    marked = []
    for clause in re.split(r"[,.;:!?]", review):
        negated = False
        for token in text.tokenize(clause):
            if token in negations:
                negated = True
                marked.append(token)
            else:
                marked.append("not_" + token if negated else token)
    return marked
