"""Wrong: a drop smaller than min_delta does not reset the count but still lowers the best."""

import math

EXERCISE = "ch07.early_stopping_epoch"


def early_stopping_epoch(val_losses, patience, min_delta=0.0):
    best, best_epoch, waited = math.inf, 0, 0
    for epoch, loss in enumerate(val_losses, start=1):
        if loss < best - min_delta:
            best_epoch, waited = epoch, 0
        else:
            waited += 1
            if waited >= patience:
                return epoch, best_epoch
        best = min(best, loss)
    return len(val_losses), best_epoch
