"""Wrong: forgets the shift c but keeps the scale a on the standardised part."""

EXERCISE = "ch13.rescaled_layer_norm"


def rescaled_layer_norm(y, weight, bias, a, c):
    return bias + a * (y - bias)
