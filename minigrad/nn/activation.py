"""``GELU``, the activation of transformers: a module around :func:`minigrad.functional.gelu`."""

from __future__ import annotations

from .. import functional as F
from ..tensor import Tensor
from .module import Module


class GELU(Module):
    """GELU(x) = x Φ(x); ``approximate="tanh"`` for the faster tanh form (GPT-2's)."""

    def __init__(self, approximate: str = "none") -> None:
        if approximate not in ("none", "tanh"):
            raise ValueError(f"GELU: approximate must be 'none' or 'tanh', got {approximate!r}")
        self.approximate = approximate

    def forward(self, x: Tensor) -> Tensor:
        return F.gelu(x, self.approximate)

    def extra_repr(self) -> str:
        return f"approximate={self.approximate!r}"
