"""Wrong: forgets the shift u but keeps the scale m on the standardised part."""

EXERCISE = "ch13.rescaled_layer_norm"


def rescaled_layer_norm(y, weight, bias, m, u):
    return bias + m * (y - bias)
