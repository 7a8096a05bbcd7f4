"""Wrong: sets the frozen parameters' grad to None instead of requires_grad = False, and
returns every parameter."""

EXERCISE = "ch11.freeze_features"


def freeze_features(model, n_frozen):
    for layer in list(model)[:n_frozen]:
        for p in layer.parameters():
            p.grad = None
    return list(model.parameters())
