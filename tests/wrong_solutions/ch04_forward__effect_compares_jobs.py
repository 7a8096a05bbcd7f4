"""Wrong: compares the two jobs at one education (the tech bonus), not the two raises."""

EXERCISE = "ch04.interaction_effect"


def interaction_effect(predict, education):
    return predict(education, 1) - predict(education, 0)
