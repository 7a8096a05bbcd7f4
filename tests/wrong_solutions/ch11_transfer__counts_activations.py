"""Wrong: counts every module without children (activations, pooling too) when it multiplies
by decay, so a layer with activations after it learns too slowly."""

EXERCISE = "ch11.discriminative_param_groups"


def discriminative_param_groups(model, base_lr, decay, n_frozen=0):
    layers = [m for m in model.modules() if list(m.parameters(recurse=False))]
    leaves = [m for m in model.modules() if not list(m.children())]
    groups = []
    for l, layer in enumerate(layers, start=1):
        params = list(layer.parameters(recurse=False))
        for p in params:
            p.requires_grad = l > n_frozen
        if l > n_frozen:
            after = len(leaves) - 1 - leaves.index(layer)
            groups.append({"params": params, "lr": base_lr * decay ** after})
    return groups
