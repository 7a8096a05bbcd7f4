"""Wrong: forgets that the step divides by the square root of s."""

EXERCISE = "ch07.uncorrected_adam_ratio"


def uncorrected_adam_ratio(step, betas=(0.9, 0.999)):
    return (1 - betas[0] ** step) / (1 - betas[1] ** step)
