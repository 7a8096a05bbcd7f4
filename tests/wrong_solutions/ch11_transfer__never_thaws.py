"""Wrong: freezes the first layers but never sets requires_grad = True on the others."""

EXERCISE = "ch11.freeze_features"


def freeze_features(model, n_frozen):
    for layer in list(model)[:n_frozen]:
        for p in layer.parameters():
            p.requires_grad = False
    return [p for p in model.parameters() if p.requires_grad]
