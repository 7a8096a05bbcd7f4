"""Wrong: one factor of decay too many, so even the last layer learns at base_lr * decay."""

EXERCISE = "ch11.discriminative_param_groups"


def discriminative_param_groups(model, base_lr, decay, n_frozen=0):
    layers = [m for m in model.modules() if list(m.parameters(recurse=False))]
    groups = []
    for l, layer in enumerate(layers, start=1):
        params = list(layer.parameters(recurse=False))
        for p in params:
            p.requires_grad = l > n_frozen
        if l > n_frozen:
            groups.append({"params": params, "lr": base_lr * decay ** (len(layers) - l + 1)})
    return groups
