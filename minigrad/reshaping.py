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
    """The shape methods of ``Tensor`` (``x.reshape(2, -1)``, ``x.permute(1, 0)``, ``x[0, 1:]``...)."""

    __slots__ = ()

    def reshape(self, *shape: int | Sequence[int]) -> Tensor:
        """The same entries in a new shape, given as ints or one tuple; one size may be -1."""
        shape = _ints("reshape", shape)
        old = self.shape
        try:
            out = self.data.reshape(shape)
        except ValueError:
            raise ValueError(f"reshape: cannot reshape a tensor of shape {old} "
                             f"({self.data.size} entries) into {shape}") from None
        return self.from_op(out, (self,), lambda g: (g.reshape(old),), "reshape")

    def view(self, *shape: int | Sequence[int]) -> Tensor:
        """PyTorch's name for :meth:`reshape` (numpy arrays have no memory layout to respect here)."""
        return self.reshape(*shape)

    def view_as(self, other: Tensor) -> Tensor:
        """:meth:`view` to ``other``'s shape."""
        return self.reshape(other.shape)

    def permute(self, *dims: int | Sequence[int]) -> Tensor:
        """The dims in a new order: ``x.permute(2, 0, 1)`` makes dim 2 the first."""
        dims = _ints("permute", dims)
        check_axis("permute", dims, self.shape, permutation=True)
        dims = tuple(d % self.ndim for d in dims)  # (-1, 0, 1) is (2, 0, 1): argsort needs these
        inverse = tuple(int(i) for i in np.argsort(dims))
        return self.from_op(self.data.transpose(dims), (self,), lambda g: (g.transpose(inverse),), "permute")

    def transpose(self, *dims: int) -> Tensor:
        """``x.transpose(dim0, dim1)`` swaps two dims, as in PyTorch (numpy's ``transpose(axes)``,
        a whole new order, is :meth:`permute`; ``x.T`` reverses all dims)."""
        if len(dims) != 2:
            raise TypeError(f"transpose: takes two dims to swap, as in PyTorch, got {dims}; "
                            f"for a new order of all dims use permute{dims}")
        dim0, dim1 = dims
        check_axis("transpose", dim0, self.shape)
        check_axis("transpose", dim1, self.shape)
        dims = list(range(self.ndim))
        dims[dim0], dims[dim1] = dims[dim1], dims[dim0]
        return self.permute(dims)

    def t(self) -> Tensor:
        """The transpose of a matrix (or a 1-D tensor, unchanged), as PyTorch's ``x.t()``."""
        if self.ndim > 2:
            raise ValueError(f"t: expects a tensor with at most 2 dims, got shape {self.shape}; use transpose(d0, d1)")
        return self.permute(tuple(reversed(range(self.ndim))))

    def squeeze(self, dim: int | tuple | None = None) -> Tensor:
        """Remove dims of size 1 (all of them, or those of ``dim``, left alone if not of size 1)."""
        check_axis("squeeze", dim, self.shape)
        dims = range(self.ndim) if dim is None else (dim,) if isinstance(dim, (int, np.integer)) else dim
        gone = {d % self.ndim for d in dims if self.shape[d] == 1}
        return self.reshape(tuple(n for d, n in enumerate(self.shape) if d not in gone))

    def unsqueeze(self, dim: int) -> Tensor:
        """Insert a dim of size 1 at ``dim`` (counted in the result: -1 appends one)."""
        check_axis("unsqueeze", dim, self.shape + (1,))
        dim %= self.ndim + 1
        return self.reshape(self.shape[:dim] + (1,) + self.shape[dim:])

    def flatten(self, start_dim: int = 0, end_dim: int = -1) -> Tensor:
        """Merge the dims from ``start_dim`` to ``end_dim`` (all of them by default, as in
        PyTorch; ``nn.Flatten`` starts at 1, keeping the batch dim)."""
        ndim = max(self.ndim, 1)  # a 0-d tensor flattens to one entry, as in PyTorch
        if not (-ndim <= start_dim < ndim and -ndim <= end_dim < ndim) or start_dim % ndim > end_dim % ndim:
            raise ValueError(f"flatten: start_dim {start_dim} and end_dim {end_dim} do not fit a tensor "
                             f"of shape {self.shape} (need start_dim ≤ end_dim, each in [-{ndim}, {ndim}))")
        start, end = start_dim % ndim, end_dim % ndim
        shape = self.shape or (1,)
        return self.reshape(shape[:start] + (-1,) + shape[end + 1:])

    def expand(self, *sizes: int | Sequence[int]) -> Tensor:
        """The tensor broadcast to ``sizes`` (-1 keeps a dim; new dims go in front), as
        ``torch.expand``. Backward: the gradient summed over the broadcast dims."""
        sizes = _ints("expand", sizes)
        lead = len(sizes) - self.ndim
        if lead < 0:
            raise ValueError(f"expand: {sizes} has fewer dims than the tensor's shape {self.shape}")
        shape = tuple(self.shape[i - lead] if n == -1 and i >= lead else n for i, n in enumerate(sizes))
        try:
            out = np.broadcast_to(self.data, shape)
        except ValueError:
            raise ValueError(f"expand: cannot expand shape {self.shape} to {sizes}; only dims "
                             f"of size 1 can grow") from None
        return self.from_op(out, (self,), lambda g: (g,), "expand")  # the engine sums g back

    def repeat(self, *repeats: int | Sequence[int]) -> Tensor:
        """The tensor tiled ``repeats[i]`` times along dim i, as ``torch.repeat`` (numpy's
        ``tile``). Backward: the gradient of each copy, summed."""
        repeats = _ints("repeat", repeats)
        if len(repeats) < self.ndim:
            raise ValueError(f"repeat: give one count per dim of shape {self.shape}, got {repeats}")
        shape = (1,) * (len(repeats) - self.ndim) + self.shape
        out = np.tile(self.data.reshape(shape), repeats)
        old = self.shape

        def backward(g: np.ndarray) -> tuple:  # dims (r0, s0, r1, s1, ...): sum the r's
            split = g.reshape([n for pair in zip(repeats, shape) for n in pair])
            return (split.sum(axis=tuple(range(0, split.ndim, 2))).reshape(old),)
        return self.from_op(out, (self,), backward, "repeat")

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
            raise IndexError("index: an integer and an array index separated by a slice put the "
                             "picked axis first in numpy, not in PyTorch; index in two steps "
                             "(x[0][:, [0, 1]] for x[0, :, [0, 1]])")
        index = parts if isinstance(index, tuple) else parts[0]
        shape, dtype = self.shape, self.data.dtype
        try:
            out = self.data[index]
        except IndexError as e:
            raise IndexError(f"index: {e} (tensor of shape {shape})") from None

        def backward(g: np.ndarray) -> tuple:
            full = np.zeros(shape, dtype=dtype)
            if isinstance(index, np.ndarray) and index.dtype.kind in "iu" and index.size:
                _add_rows(full, index, g)   # rows picked by one array of ids (an embedding)
            elif advanced:
                np.add.at(full, index, g)   # repeated indices must add up
            else:
                full[index] = g
            return (full,)
        return self.from_op(out, (self,), backward, "index")


def _add_rows(full: np.ndarray, ids: np.ndarray, g: np.ndarray) -> None:
    """full[ids[k]] += g[k] for every k, repeated ids adding up: the gradient of full[ids].

    Sorts the ids and sums each run of equal ones with one ``np.add.reduceat``, several times
    faster than ``np.add.at``'s element-by-element loop."""
    n = full.shape[0]
    flat = ids.ravel()
    flat = np.where(flat < 0, flat + n, flat)       # -1 and n-1 are the same row
    order = np.argsort(flat, kind="stable")
    rows = flat[order]
    starts = np.flatnonzero(np.concatenate(([True], rows[1:] != rows[:-1])))
    full[rows[starts]] = np.add.reduceat(g.reshape(len(flat), *full.shape[1:])[order], starts, axis=0)


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


def _ints(op: str, sizes: tuple) -> tuple:
    """Sizes or dims given as ints or as one sequence, as integers (numpy's too, never 2.5)."""
    sizes = tuple(sizes[0]) if len(sizes) == 1 and not isinstance(sizes[0], (int, np.integer)) else sizes
    try:
        return tuple(operator.index(s) for s in sizes)
    except TypeError:
        raise TypeError(f"{op}: expected integers, got {sizes}") from None
