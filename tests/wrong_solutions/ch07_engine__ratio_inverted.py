"""Wrong: the corrected step over the uncorrected one, the ratio upside down."""

import math

EXERCISE = "ch07.uncorrected_adam_ratio"


def uncorrected_adam_ratio(step, betas=(0.9, 0.999)):
    return math.sqrt(1 - betas[1] ** step) / (1 - betas[0] ** step)
