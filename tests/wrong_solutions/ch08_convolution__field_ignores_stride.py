"""Wrong: adds k − 1 pixels per layer, as if every stride were 1."""

EXERCISE = "ch08.receptive_field"


def receptive_field(layers):
    size = 1
    for layer in layers:
        size += layer[1] - 1
    return size
