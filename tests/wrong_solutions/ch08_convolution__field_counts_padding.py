"""Wrong: counts the padding's zeros as a widening of the patch."""

EXERCISE = "ch08.receptive_field"


def receptive_field(layers):
    size, jump = 1, 1
    for layer in layers:
        padding = layer[3] if layer[0] == "conv" else 0
        size += (layer[1] - 1 + 2 * padding) * jump
        jump *= layer[2]
    return size
