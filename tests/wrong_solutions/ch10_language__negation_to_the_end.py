"""Wrong: a negation reaches every later token of the review, across commas and full stops."""

from minigrad import text

EXERCISE = "ch10.mark_negation"


def mark_negation(review, negations=("not", "no", "never")):
    marked, negated = [], False
    for token in text.tokenize(review):
        if token in negations:
            negated = True
            marked.append(token)
        else:
            marked.append("not_" + token if negated else token)
    return marked
