"""Wrong: returns the raise in a tech job, without subtracting the raise outside tech."""

EXERCISE = "ch04.interaction_effect"


def interaction_effect(predict, education):
    return predict(education + 1, 1) - predict(education, 1)
