"""Wrong: freezes the first layers but never sets requires_grad = True on the others, so a
layer frozen by an earlier call stays frozen."""

EXERCISE = "ch11.discriminative_param_groups"


def discriminative_param_groups(model, base_lr, decay, n_frozen=0):
    layers = [m for m in model.modules() if list(m.parameters(recurse=False))]
    groups = []
    for l, layer in enumerate(layers, start=1):
        params = list(layer.parameters(recurse=False))
        for p in params:
            if l <= n_frozen:
                p.requires_grad = False
        if l > n_frozen:
            groups.append({"params": params, "lr": base_lr * decay ** (len(layers) - l)})
    return groups
