"""Wrong: marks only the one token right after a negation word."""

from minigrad import text

EXERCISE = "ch10.mark_negation"


def mark_negation(review, negations=("not", "no", "never")):
    tokens = text.tokenize(review)
    return [("not_" + t if i > 0 and tokens[i - 1] in negations and t not in negations else t)
            for i, t in enumerate(tokens)]
