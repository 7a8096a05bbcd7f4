"""Reshaping and indexing a tensor: the same entries, rearranged or picked out.

None of these computes anything new, so each backward only puts the incoming gradient
back where the entries came from: reshaped back, transposed back, or scattered into
zeros at the indexed positions. These are methods of :class:`~minigrad.tensor.Tensor`,
written once in this mixin.
"""

from __future__ import annotations

import operator
from typing import TYPE_CHECKING, Any, Sequence

import numpy as np

from .shapes import check_axis

if TYPE_CHECKING:
    from .tensor import Tensor


class ReshapingOps:
    """The shape methods of ``Tensor`` (``x.reshape(2, -1)``, ``x.transpose()``, ``x[0, 1:]``...)."""

    __slots__ = ()

    def reshape(self, *shape: int | Sequence[int]) -> Tensor:
        """The same entries in a new shape (numpy semantics: one size may be -1)."""
        shape = tuple(shape[0]) if len(shape) == 1 and not isinstance(shape[0], (int, np.integer)) else shape
        try:
            shape = tuple(operator.index(s) for s in shape)  # numpy integers too, never 2.5
        except TypeError:
            raise TypeError(f"reshape: the new shape must be integers, got {shape}") from None
        old = self.shape
        try:
            out = self.data.reshape(shape)
        except ValueError:
            raise ValueError(f"reshape: cannot reshape a tensor of shape {old} "
                             f"({self.data.size} entries) into {shape}") from None
        return self.from_op(out, (self,), lambda g: (g.reshape(old),), "reshape")

    def transpose(self, *axes: int) -> Tensor:
        """Permute the axes (numpy semantics: no arguments reverses them)."""
        axes = tuple(axes[0]) if len(axes) == 1 and not isinstance(axes[0], (int, np.integer)) else axes
        axes = axes or tuple(reversed(range(self.ndim)))
        check_axis("transpose", axes, self.shape, permutation=True)
        inverse = tuple(np.argsort(axes))
        return self.from_op(self.data.transpose(axes), (self,), lambda g: (g.transpose(inverse),), "transpose")

    def flatten(self, start_dim: int = 1) -> Tensor:
        """Merge the axes from ``start_dim`` on: (N, C, H, W) → (N, C·H·W) by default."""
        ndim = max(self.ndim, 1)  # a 0-d tensor flattens to one entry, as in PyTorch
        if not -ndim <= start_dim < ndim:
            raise ValueError(f"flatten: start_dim {start_dim} is out of range for a tensor of shape "
                             f"{self.shape}; flatten(0) merges all its axes")
        return self.reshape(self.shape[:start_dim] + (-1,))

    def __getitem__(self, index: Any) -> Tensor:
        index = _plain_index(index)
        shape, dtype = self.shape, self.data.dtype
        advanced = any(isinstance(i, np.ndarray) for i in (index if isinstance(index, tuple) else (index,)))

        def backward(g: np.ndarray) -> tuple:
            full = np.zeros(shape, dtype=dtype)
            if advanced:
                np.add.at(full, index, g)   # repeated indices must add up
            else:
                full[index] = g
            return (full,)
        return self.from_op(self.data[index], (self,), backward, "index")


def _plain_index(index: Any) -> Any:
    """Tensors and lists used as indices become numpy arrays."""
    if isinstance(index, tuple):
        return tuple(_plain_index(i) for i in index)
    if isinstance(index, ReshapingOps):  # a Tensor
        return index.data
    if isinstance(index, list):
        return np.asarray(index)
    return index
