"""Chapter 11 exercises: freezing the feature layers, and what pre-training is worth in labels.

Replace each ``raise NotImplementedError`` with your code, then grade your work:

    pytest exercises/test_ch11_transfer.py                     # feedback in English
    MINIGRAD_LANG=ca pytest exercises/test_ch11_transfer.py    # comentaris en català
"""

from __future__ import annotations

import numpy as np

from minigrad import nn


def freeze_features(model: nn.Sequential, n_frozen: int) -> list[nn.Parameter]:
    """Freeze the parameters of the first ``n_frozen`` layers of ``model``; return the others.

    Every parameter of ``model[0]``, ..., ``model[n_frozen - 1]`` gets ``requires_grad = False``;
    every parameter of the remaining layers gets ``requires_grad = True``. Return the list of
    trainable parameters, in the order of ``model.parameters()``, to give to an optimiser.
    (Congela els paràmetres de les primeres n_frozen capes i retorna els que queden
    entrenables.)
    """
    raise NotImplementedError("walk the layers by position: freeze the first ones, thaw the rest")


def equivalent_labels(counts: list[int], acc_scratch: list[float],
                      acc_transfer: list[float]) -> list[float | None]:
    """How many labels per class training from scratch needs to match transfer learning.

    ``counts`` are increasing numbers n of labelled examples per class; ``acc_scratch[k]`` and
    ``acc_transfer[k]`` are the accuracies of training from scratch and of transfer learning with
    ``counts[k]`` examples per class. For each k, return the number m of examples per class at
    which the scratch learning curve first reaches ``acc_transfer[k]``, read off the curve by
    drawing straight lines between its measured points on a logarithmic n axis, as in the
    chapter's plot. If the scratch curve already reaches that accuracy at ``counts[0]``, m is
    ``counts[0]`` (nothing smaller was measured); if it never reaches it, m is ``None``.
    (Quants exemples per classe necessita l'entrenament des de zero per igualar la
    transferència, llegits a la corba d'aprenentatge.)
    """
    raise NotImplementedError("walk the scratch curve from the left: where does it first cross?")
