"""Wrong: splits on spaces, so "bad," keeps its comma and "Not" its capital."""

EXERCISE = "ch10.mark_negation"


def mark_negation(review, negations=("not", "no", "never")):
    marked, negated = [], False
    for word in review.split():
        if word in negations:
            negated = True
            marked.append(word)
        else:
            marked.append("not_" + word if negated else word)
        if word[-1:] in ",.;:!?":
            negated = False
    return marked
