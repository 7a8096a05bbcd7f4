"""Wrong: counts the steps from 0, so step t uses the corrections of step t + 1."""

import math

EXERCISE = "ch07.uncorrected_adam_ratio"


def uncorrected_adam_ratio(step, betas=(0.9, 0.999)):
    return (1 - betas[0] ** (step + 1)) / math.sqrt(1 - betas[1] ** (step + 1))
