"""Chapter 7 exercises: reference solutions (the book shows them in a collapsed dropdown)."""

from __future__ import annotations

import math
from itertools import islice
from typing import Any, Callable, Iterable

import numpy as np

from minigrad import Tensor


def train_epoch_accumulated(model: Any, loader: Iterable, loss_fn: Callable, optimizer: Any,
                            accumulation_steps: int) -> float:
    """One epoch with one optimizer step every ``accumulation_steps`` batches; the mean loss."""
    model.train()                      # layers such as dropout behave as in training
    total, seen = 0.0, 0
    batches = iter(loader)
    # Only the arrays of a group are held at once; each batch's graph is freed by its backward.
    while group := list(islice(batches, accumulation_steps)):
        n = sum(len(xb) for xb, _ in group)
        optimizer.zero_grad()          # a new group: forget the previous group's gradients
        for xb, yb in group:
            loss = loss_fn(model(Tensor(xb)), yb)   # a mean over this batch's len(xb) samples
            # backward() adds to .grad: weighting each batch's mean by its share of the group
            # makes the sum the mean over all n samples, as one batch of n would give.
            (loss * (len(xb) / n)).backward()
            total += loss.item() * len(xb)
        optimizer.step()               # one step per group, the last (smaller) one included
        seen += n
    return total / seen


def early_stopping_epoch(val_losses: list[float], patience: int,
                         min_delta: float = 0.0) -> tuple[int, int]:
    """When early stopping ends training, given the validation loss of each epoch."""
    best, best_epoch, waited = math.inf, 0, 0
    for epoch, loss in enumerate(val_losses, start=1):
        if loss < best - min_delta:    # a real improvement: remember it, start waiting again
            best, best_epoch, waited = loss, epoch, 0
        else:                          # no improvement: one more epoch of patience used up
            waited += 1
            if waited >= patience:
                return epoch, best_epoch
    return len(val_losses), best_epoch


def accuracy_under_priors(matrix: Any, priors: Any) -> float:
    """The accuracy of a classifier, known by its confusion matrix, on data with other class shares."""
    matrix, priors = np.asarray(matrix, dtype=float), np.asarray(priors, dtype=float)
    seen = matrix.sum(axis=1)          # the test samples of each true class
    unjudged = np.flatnonzero((seen == 0) & (priors > 0))
    if unjudged.size:
        raise ValueError(f"accuracy_under_priors: class {unjudged[0]} has a share of "
                         f"{priors[unjudged[0]]} but no test samples to judge it by")
    kept = seen > 0                    # a class of share 0 and no samples counts for nothing
    # A class's hit rate is a property of the classifier; how many samples of the class the test
    # set held is not, so only the new shares weigh the rates.
    hit_rate = np.diag(matrix)[kept] / seen[kept]
    return float(priors[kept] @ hit_rate)
