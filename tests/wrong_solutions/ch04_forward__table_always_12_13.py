"""Wrong: ignores the educations it is given and always uses 12 and 13."""

EXERCISE = "ch04.interaction_table"


def interaction_table(predict, educations=(12, 13)):
    return [[predict(education, tech) for tech in (0, 1)] for education in (12, 13)]
