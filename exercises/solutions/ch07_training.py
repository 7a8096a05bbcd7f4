"""Chapter 7 exercises: reference solutions (the book shows them in a collapsed dropdown)."""

from __future__ import annotations

import math
from typing import Any, Callable, Iterable

import numpy as np

from minigrad import Tensor


def train_epoch(model: Any, loader: Iterable, loss_fn: Callable, optimizer: Any) -> float:
    """Train ``model`` for one epoch (one pass over ``loader``); return the mean loss per sample."""
    model.train()                      # layers such as dropout behave as in training
    total, seen = 0.0, 0
    for xb, yb in loader:
        output = model(Tensor(xb))     # forward pass
        loss = loss_fn(output, yb)     # how wrong, on average over this batch
        optimizer.zero_grad()          # forget the previous batch's gradients
        loss.backward()                # dloss/dparameter for every parameter
        optimizer.step()               # move the parameters downhill
        # The loss is a mean over the batch; weighting it by the batch size makes the epoch's
        # value a mean over samples, even when the last batch is smaller.
        total += loss.item() * len(xb)
        seen += len(xb)
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


def accuracy_and_confusion_matrix(y_true: Any, y_pred: Any,
                                  num_classes: int) -> tuple[float, np.ndarray]:
    """The accuracy of predicted classes and their confusion matrix."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    matrix = np.zeros((num_classes, num_classes), dtype=np.int64)
    for t, p in zip(y_true, y_pred):
        matrix[t, p] += 1              # row: the truth, column: the prediction
    # The correct predictions are on the diagonal.
    return float(np.trace(matrix) / len(y_true)), matrix
