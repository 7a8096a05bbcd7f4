"""Wrong: keeps the start, as if the learning rate never mattered (true only from zero weights)."""

EXERCISE = "ch03.equivalent_start"


def equivalent_start(weights, bias, lr, new_lr):
    return list(weights), bias
