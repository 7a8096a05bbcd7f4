"""Chapter 11 exercises: a learning rate per layer, and what pre-training is worth in labels.

Replace each ``raise NotImplementedError`` with your code, then grade your work:

    pytest exercises/test_ch11_transfer.py                     # feedback in English
    MINIGRAD_LANG=ca pytest exercises/test_ch11_transfer.py    # comentaris en català
"""

from __future__ import annotations

import numpy as np

from minigrad import nn


def discriminative_param_groups(model: nn.Module, base_lr: float, decay: float,
                                n_frozen: int = 0) -> list[dict]:
    """Optimiser parameter groups that give each layer of ``model`` its own learning rate.

    A *layer* here is a module of ``model``, at any depth of nesting, that holds parameters of its
    own (a ``Conv2d`` or a ``Linear`` inside a nested ``nn.Sequential``, for instance); the
    activations, the pooling and the containers are not layers. Number the layers 1, 2, ...
    in the order of ``model.modules()``, which is the order of the forward pass.

    * The first ``n_frozen`` layers are frozen: their parameters get ``requires_grad = False``
      and go in no group.
    * Every other layer's parameters get ``requires_grad = True`` (a layer frozen earlier may
      need thawing), and the layer gets one group, a dict ``{"params": [...], "lr": ...}`` with
      its parameters in the order of the layer's ``parameters()``.
    * The last layer learns at ``base_lr``; each earlier layer at ``decay`` times the rate of the
      layer after it (0 < decay <= 1).

    Return the groups in the order of the layers, ready for ``optim.SGD(groups, lr=base_lr)`` or
    ``optim.Adam(groups)``; an empty list if every layer is frozen.
    (Grups de paràmetres amb una taxa d'aprenentatge per capa, més petita com més avall és la
    capa.)
    """
    raise NotImplementedError("list the layers first, nested ones too; which one learns at base_lr?")


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
