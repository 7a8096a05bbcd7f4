"""Optimisers: turn gradients into parameter updates (``import minigrad.optim as optim``).

The layout is PyTorch's. ``param_groups`` is a list of dicts, each with its ``"params"`` and
its hyper-parameters (``"lr"``, ``"momentum"``, …), so that layers can learn at different
rates and a schedule can change the rate between epochs::

    optimizer.param_groups[0]["lr"] = 1e-3

``state`` maps a parameter to what the optimiser remembers about it (``"momentum_buffer"``
for SGD; ``"step"``, ``"exp_avg"`` and ``"exp_avg_sq"`` for Adam), created at its first update.
``state_dict()`` and ``load_state_dict()`` save and restore both, with parameters numbered in
order. Parameters whose ``grad`` is None (unused, or frozen) are left alone.
"""

from . import lr_scheduler
from .adadelta import Adadelta
from .adagrad import Adagrad
from .adam import Adam, AdamW
from .optimizer import Optimizer
from .rmsprop import RMSprop
from .sgd import SGD

__all__ = ["Optimizer", "SGD", "Adam", "AdamW", "RMSprop", "Adagrad", "Adadelta", "lr_scheduler"]
