"""Wrong: the chapter's first-step ratio for every step, as if the corrections never faded."""

import math

EXERCISE = "ch07.uncorrected_adam_ratio"


def uncorrected_adam_ratio(step, betas=(0.9, 0.999)):
    return (1 - betas[0]) / math.sqrt(1 - betas[1])
