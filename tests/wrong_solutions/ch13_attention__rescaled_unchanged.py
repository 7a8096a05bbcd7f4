"""Wrong: believes the layer norm forgets the scale whatever its sign."""

EXERCISE = "ch13.rescaled_layer_norm"


def rescaled_layer_norm(y, weight, bias, m, u):
    return y.copy()
