"""Wrong: ignores the negations it is given and always uses the English ones."""

import re

from minigrad import text

EXERCISE = "ch10.mark_negation"


def mark_negation(review, negations=("not", "no", "never")):
    marked = []
    for clause in re.split(r"[;:!?]|(?<!\d)[.,]|[.,](?!\d)", review):
        negated = False
        for token in text.tokenize(clause):
            if token in ("not", "no", "never"):
                negated = True
                marked.append(token)
            else:
                marked.append("not_" + token if negated else token)
    return marked
