"""Wrong: only convolutions widen the patch; pooling is skipped."""

EXERCISE = "ch08.receptive_field"


def receptive_field(layers):
    size, jump = 1, 1
    for layer in layers:
        if layer[0] == "conv":
            size += (layer[1] - 1) * jump
            jump *= layer[2]
    return size
