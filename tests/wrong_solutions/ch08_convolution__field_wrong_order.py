"""Wrong: walks back from the output but reads the layers from the input on (the order is reversed)."""

EXERCISE = "ch08.receptive_field"


def receptive_field(layers):
    size = 1
    for layer in layers:            # should be reversed(layers)
        size = (size - 1) * layer[2] + layer[1]
    return size
