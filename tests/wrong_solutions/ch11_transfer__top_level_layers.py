"""Wrong: takes the entries of the top-level Sequential as the layers, so a nested Sequential
(the chapter's feature extractor) gets one group and one rate for all its layers."""

EXERCISE = "ch11.discriminative_param_groups"


def discriminative_param_groups(model, base_lr, decay, n_frozen=0):
    layers = [m for m in model if list(m.parameters())]
    groups = []
    for l, layer in enumerate(layers, start=1):
        params = list(layer.parameters())
        for p in params:
            p.requires_grad = l > n_frozen
        if l > n_frozen:
            groups.append({"params": params, "lr": base_lr * decay ** (len(layers) - l)})
    return groups
