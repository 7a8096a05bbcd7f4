"""Wrong: counts an epoch as an improvement when it beats the previous epoch, not the best."""

import math

EXERCISE = "ch07.early_stopping_epoch"


def early_stopping_epoch(val_losses, patience, min_delta=0.0):
    previous, best, best_epoch, waited = math.inf, math.inf, 0, 0
    for epoch, loss in enumerate(val_losses, start=1):
        if loss < previous - min_delta:
            waited = 0
        else:
            waited += 1
            if waited >= patience:
                return epoch, best_epoch
        if loss < best:
            best, best_epoch = loss, epoch
        previous = loss
    return len(val_losses), best_epoch
