"""Wrong: an off-by-one, freezes the first n_frozen + 1 layers (i <= n_frozen)."""

EXERCISE = "ch11.freeze_features"


def freeze_features(model, n_frozen):
    for i, layer in enumerate(model):
        for p in layer.parameters():
            p.requires_grad = i > n_frozen
    return [p for p in model.parameters() if p.requires_grad]
