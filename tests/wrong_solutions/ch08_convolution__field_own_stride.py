"""Wrong: scales each layer's reach by its own stride, not by the strides of the layers before it."""

EXERCISE = "ch08.receptive_field"


def receptive_field(layers):
    size = 1
    for layer in layers:
        size += (layer[1] - 1) * layer[2]
    return size
