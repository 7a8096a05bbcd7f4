"""Chapter 7 exercises: gradient accumulation, early stopping, accuracy under other class shares.

Write these with minigrad's building blocks and numpy: the grader switches off
``minigrad.train`` (``fit``, ``accuracy``, ``confusion_matrix``), which does similar jobs.
(Escriu-les amb les peces de minigrad i numpy: el corrector desactiva ``minigrad.train``.)

Replace each ``raise NotImplementedError`` with your code, then grade your work:

    pytest exercises/test_ch07_training.py                     # feedback in English
    MINIGRAD_LANG=ca pytest exercises/test_ch07_training.py    # comentaris en català
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

import numpy as np

from minigrad import Tensor


def train_epoch_accumulated(model: Any, loader: Iterable, loss_fn: Callable, optimizer: Any,
                            accumulation_steps: int) -> float:
    """One epoch with one optimizer step every ``accumulation_steps`` batches; the mean loss.

    Put the model in training mode (``model.train()``). The batches ``(xb, yb)`` of ``loader``
    are numpy arrays; cut them, in order, into groups of ``accumulation_steps`` batches (the last
    group may hold fewer). Each group makes one optimizer step, and that step must be the one a
    single batch holding all the group's samples would make: the gradient of the mean loss over
    the group's samples. Run the forward and backward passes one batch at a time (that is the
    point: memory for one batch only), and mind that the last batch, and so the last group, may
    be smaller. Return the mean loss per sample over the epoch, as a float.
    (Un pas de l'optimitzador cada k lots, igual al d'un sol lot amb totes les seves mostres.)
    """
    raise NotImplementedError("gradients add up between zero_grad calls: how should each batch's loss count?")


def early_stopping_epoch(val_losses: list[float], patience: int,
                         min_delta: float = 0.0) -> tuple[int, int]:
    """When early stopping ends training, given the validation loss of each epoch.

    Epochs are numbered from 1. An epoch *improves* when its loss is lower than the best loss so
    far by more than ``min_delta`` (the first epoch always improves); it then becomes the best.
    Training stops at the end of the epoch that makes ``patience`` epochs in a row without an
    improvement, or after the last epoch if that never happens. Return
    ``(stop_epoch, best_epoch)``. (Retorna l'època on s'atura i la millor època.)
    """
    raise NotImplementedError("track the best loss and how many epochs since it improved")


def accuracy_under_priors(matrix: Any, priors: Any) -> float:
    """The accuracy a classifier would have on data whose classes come in the shares ``priors``.

    ``matrix`` is the classifier's confusion matrix on a test set (``matrix[i, j]`` counts the
    test samples of true class ``i`` predicted as class ``j``), a list of lists or an array.
    ``priors[i]`` is the share of class ``i`` in the data where the classifier will be used:
    non-negative, summing to 1. Assume the classifier treats the samples of each class there as
    it treated that class's test samples. Return its accuracy on that data, as a float. A class
    with a positive share that the test set never showed cannot be judged: raise a ValueError
    whose message names accuracy_under_priors and the class.
    (La matriu de confusió d'un conjunt de prova i les proporcions de les classes en unes dades
    noves: l'exactitud en aquestes dades.)
    """
    raise NotImplementedError("which numbers of the matrix stay put when a class becomes twice as common?")
