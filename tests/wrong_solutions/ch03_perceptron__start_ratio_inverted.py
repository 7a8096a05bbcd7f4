"""Wrong: scales the start by lr / new_lr, the ratio upside down."""

EXERCISE = "ch03.equivalent_start"


def equivalent_start(weights, bias, lr, new_lr):
    c = lr / new_lr
    return [c * w for w in weights], c * bias
