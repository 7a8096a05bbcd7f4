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
        axes = tuple(a % self.ndim for a in axes)  # (-1, 0, 1) is (2, 0, 1): argsort needs these
        inverse = tuple(int(i) for i in np.argsort(axes))
        return self.from_op(self.data.transpose(axes), (self,), lambda g: (g.transpose(inverse),), "transpose")

    def flatten(self, start_dim: int = 1) -> Tensor:
        """Merge the axes from ``start_dim`` on: (N, C, H, W) → (N, C·H·W) by default."""
        ndim = max(self.ndim, 1)  # a 0-d tensor flattens to one entry, as in PyTorch
        if not -ndim <= start_dim < ndim:
            raise ValueError(f"flatten: start_dim {start_dim} is out of range for a tensor of shape "
                             f"{self.shape}; flatten(0) merges all its axes")
        return self.reshape(self.shape[:start_dim] + (-1,))

    def __getitem__(self, index: Any) -> Tensor:
        """numpy's (and PyTorch's) indexing. An index made of integer arrays (or lists,
        tuples, tensors) may pick an entry several times: its gradients add up."""
        if isinstance(index, list) and any(isinstance(i, (list, tuple, slice, ReshapingOps, np.ndarray))
                                           or i is None or i is Ellipsis for i in index):
            # numpy reads x[[rows, cols]] as one array index, PyTorch (deprecated) as x[rows, cols]
            raise IndexError("index: a list of lists (or slices) is read differently by numpy and "
                             "PyTorch; write x[rows, cols] for a pair of index lists, or "
                             "x[np.array(list)] for one array of indices")
        parts = tuple(_plain_part(i) for i in (index if isinstance(index, tuple) else (index,)))
        advanced = [i for i, p in enumerate(parts) if isinstance(p, np.ndarray)]
        if advanced and _moves_to_front(parts, advanced) != _moves_to_front(parts, advanced, torch=True):
            raise IndexError(f"index: an integer and an array index separated by a slice put the "
                             f"picked axis first in numpy, not in PyTorch; index in two steps "
                             f"(x[0][:, [0, 1]] for x[0, :, [0, 1]])")
        index = parts if isinstance(index, tuple) else parts[0]
        shape, dtype = self.shape, self.data.dtype
        try:
            out = self.data[index]
        except IndexError as e:
            raise IndexError(f"index: {e} (tensor of shape {shape})") from None

        def backward(g: np.ndarray) -> tuple:
            full = np.zeros(shape, dtype=dtype)
            if advanced:
                np.add.at(full, index, g)   # repeated indices must add up
            else:
                full[index] = g
            return (full,)
        return self.from_op(out, (self,), backward, "index")


def _plain_part(part: Any) -> Any:
    """One part of an index: tensors, lists and tuples become numpy arrays (advanced indices)."""
    if isinstance(part, ReshapingOps):  # a Tensor
        return part.data
    if isinstance(part, (list, tuple)):
        return np.asarray([_plain_part(p) for p in part], dtype=None if part else np.intp)
    return part


def _moves_to_front(parts: tuple, advanced: list, torch: bool = False) -> bool:
    """Whether the axes picked by array indices go first in the result: numpy's rule, when the
    arrays (and, for numpy but not PyTorch, the integers) are not side by side in the index."""
    picks = [i for i, p in enumerate(parts)
             if i in advanced or not torch and isinstance(p, (int, np.integer))]
    between = parts[picks[0]:picks[-1] + 1]
    return any(not isinstance(p, (np.ndarray, int, np.integer)) for p in between)
