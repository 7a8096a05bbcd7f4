"""Wrong: one row per job and one column per education, the table turned on its side."""

EXERCISE = "ch04.interaction_table"


def interaction_table(predict, educations=(12, 13)):
    return [[predict(education, tech) for education in educations] for tech in (0, 1)]
