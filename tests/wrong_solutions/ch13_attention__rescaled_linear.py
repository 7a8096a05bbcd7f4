"""Wrong: passes the scale and the shift through, as if the layer norm were linear."""

EXERCISE = "ch13.rescaled_layer_norm"


def rescaled_layer_norm(y, weight, bias, m, u):
    return m * y + u
