"""Wrong: one group for all the trainable parameters at base_lr: no rate per layer."""

EXERCISE = "ch11.discriminative_param_groups"


def discriminative_param_groups(model, base_lr, decay, n_frozen=0):
    layers = [m for m in model.modules() if list(m.parameters(recurse=False))]
    groups = []
    for l, layer in enumerate(layers, start=1):
        params = list(layer.parameters(recurse=False))
        for p in params:
            p.requires_grad = l > n_frozen
        if l > n_frozen:
            groups.append({"params": params, "lr": base_lr * decay ** (len(layers) - l)})
    return [{"params": [p for g in groups for p in g["params"]], "lr": base_lr}] if groups else []
