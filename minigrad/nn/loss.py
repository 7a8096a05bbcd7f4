"""Loss modules: each wraps the function of the same name in :mod:`minigrad.functional`."""

from __future__ import annotations

from typing import Any

from .. import functional as F
from ..tensor import Tensor
from .module import Module


class _Loss(Module):
    function = staticmethod(F.mse_loss)

    def __init__(self, reduction: str = "mean") -> None:
        if reduction not in ("mean", "sum", "none"):
            raise ValueError(f"{type(self).__name__}: reduction must be 'mean', 'sum' or 'none', "
                             f"got {reduction!r}")
        self.reduction = reduction

    def forward(self, prediction: Tensor, target: Any) -> Tensor:
        return self.function(prediction, target, reduction=self.reduction)

    def extra_repr(self) -> str:
        return f"reduction={self.reduction!r}"


class MSELoss(_Loss):
    """Mean squared error between a prediction and a target of the same shape."""


class BCELoss(_Loss):
    """Binary cross-entropy of probabilities (after a sigmoid) against 0/1 targets."""
    function = staticmethod(F.binary_cross_entropy)


class BCEWithLogitsLoss(_Loss):
    """Binary cross-entropy straight from raw scores: sigmoid and loss fused, stable."""
    function = staticmethod(F.binary_cross_entropy_with_logits)


class CrossEntropyLoss(_Loss):
    """Softmax + negative log-likelihood: logits (N, C), integer targets (N,)."""
    function = staticmethod(F.cross_entropy)
