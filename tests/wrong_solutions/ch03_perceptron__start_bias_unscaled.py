"""Wrong: scales the starting weights but leaves the starting bias as it was."""

EXERCISE = "ch03.equivalent_start"


def equivalent_start(weights, bias, lr, new_lr):
    c = new_lr / lr
    return [c * w for w in weights], bias
