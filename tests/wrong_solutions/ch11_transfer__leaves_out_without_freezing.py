"""Wrong: leaves the frozen layers out of the groups but keeps their requires_grad = True, so
backward() still fills their grad (and another optimiser would train them)."""

EXERCISE = "ch11.discriminative_param_groups"


def discriminative_param_groups(model, base_lr, decay, n_frozen=0):
    layers = [m for m in model.modules() if list(m.parameters(recurse=False))]
    groups = []
    for l, layer in enumerate(layers, start=1):
        params = list(layer.parameters(recurse=False))
        for p in params:
            p.requires_grad = True
        if l > n_frozen:
            groups.append({"params": params, "lr": base_lr * decay ** (len(layers) - l)})
    return groups
