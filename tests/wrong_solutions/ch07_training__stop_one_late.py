"""Wrong: waits one epoch too many (waited > patience instead of >=)."""

import math

EXERCISE = "ch07.early_stopping_epoch"


def early_stopping_epoch(val_losses, patience, min_delta=0.0):
    best, best_epoch, waited = math.inf, 0, 0
    for epoch, loss in enumerate(val_losses, start=1):
        if loss < best - min_delta:
            best, best_epoch, waited = loss, epoch, 0
        else:
            waited += 1
            if waited > patience:
                return epoch, best_epoch
    return len(val_losses), best_epoch
