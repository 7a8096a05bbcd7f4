"""Reductions of a tensor: sums, means, variances, norms and maxima along some of its dims.

A reduction's backward sends each output's gradient back to the entries it was computed
from: to all of them for a sum (each entry counted once), divided by their number for a
mean, to one of them for a maximum. ``dim``/``keepdim`` are PyTorch's names; numpy's
``axis``/``keepdims`` work too. These are methods of :class:`~minigrad.tensor.Tensor`,
written once in this mixin.
"""

from __future__ import annotations

from collections import namedtuple
from typing import TYPE_CHECKING, Callable

import numpy as np

from .dtypes import floating
from .shapes import Axis, axes_of, dim_arg, expand_reduced, reduced_shape

if TYPE_CHECKING:
    from .tensor import Tensor

# What max(dim) and min(dim) return, as PyTorch's torch.return_types.max: out.values, out.indices.
ValuesIndices = namedtuple("ValuesIndices", ["values", "indices"])


class ReductionOps:
    """The reductions of ``Tensor`` (``x.sum()``, ``x.mean(dim=0)``, ``x.max(1)``...)."""

    __slots__ = ()

    def sum(self, dim: Axis = None, keepdim: bool = False, *, axis: Axis = None,
            keepdims: bool = False) -> Tensor:
        dim, keepdim, shape = dim_arg("sum", dim, axis, self.shape), keepdim or keepdims, self.shape
        return self.from_op(
            self.data.sum(axis=dim, keepdims=keepdim), (self,),
            lambda g: (np.broadcast_to(expand_reduced(g, dim, keepdim, len(shape)), shape),), "sum")

    def mean(self, dim: Axis = None, keepdim: bool = False, *, axis: Axis = None,
             keepdims: bool = False) -> Tensor:
        dim, keepdim, shape = dim_arg("mean", dim, axis, self.shape), keepdim or keepdims, self.shape
        x, n = floating(self.data), _count("mean", dim, shape, 1)  # the mean of integers is float32
        return self.from_op(
            x.mean(axis=dim, keepdims=keepdim), (self,),
            lambda g: (np.broadcast_to(expand_reduced(g, dim, keepdim, len(shape)) / n, shape),), "mean")

    def var(self, dim: Axis = None, keepdim: bool = False, *, correction: int | None = None,
            unbiased: bool | None = None, axis: Axis = None, keepdims: bool = False) -> Tensor:
        """Σ (x − mean)² / (n − correction): unbiased (correction=1) by default, as in PyTorch
        (numpy's default is 0: ``unbiased=False`` or ``correction=0``).
        Backward: dL/dx = g · 2 (x − mean) / (n − correction)."""
        dim, keepdim, shape = dim_arg("var", dim, axis, self.shape), keepdim or keepdims, self.shape
        c = _correction(correction, unbiased)
        x = floating(self.data)
        centred = x - x.mean(axis=dim, keepdims=True)
        d = _count("var", dim, shape, c + 1) - c
        out = (centred * centred).sum(axis=dim, keepdims=keepdim) / d
        return self.from_op(out, (self,),
                            lambda g: (expand_reduced(g, dim, keepdim, len(shape)) * (2 / d) * centred,), "var")

    def std(self, dim: Axis = None, keepdim: bool = False, *, correction: int | None = None,
            unbiased: bool | None = None, axis: Axis = None, keepdims: bool = False) -> Tensor:
        """√var (see :meth:`var`, same arguments). Backward: g · (x − mean) / ((n − correction) · std)."""
        dim, keepdim, shape = dim_arg("std", dim, axis, self.shape), keepdim or keepdims, self.shape
        c = _correction(correction, unbiased)
        x = floating(self.data)
        centred = x - x.mean(axis=dim, keepdims=True)
        d = _count("std", dim, shape, c + 1) - c
        out = np.sqrt((centred * centred).sum(axis=dim, keepdims=True) / d)

        def backward(g: np.ndarray) -> tuple:  # std 0 (constant entries): 0/0, refused by the engine
            return (expand_reduced(g, dim, keepdim, len(shape)) * centred / (d * out),)
        return self.from_op(out.reshape(reduced_shape(shape, dim, keepdim)), (self,), backward, "std")

    def norm(self, p: float | str = 2, dim: Axis = None, keepdim: bool = False) -> Tensor:
        """The p-norm (p = 2, "fro" or 1) of the entries along ``dim`` (all of them by default).

        Backward: g · x / ‖x‖ for p = 2, g · sign(x) for p = 1; 0 where ‖x‖ = 0, as in PyTorch.
        """
        dim = dim_arg("norm", dim, None, self.shape)
        x = floating(self.data)
        if p == 1:
            return self.abs().sum(dim, keepdim)
        if p not in (2, "fro"):
            raise ValueError(f"norm: p must be 2, 'fro' or 1 in minigrad (PyTorch has more), got {p!r}")
        out = np.sqrt((x * x).sum(axis=dim, keepdims=True))

        def backward(g: np.ndarray) -> tuple:
            share = np.divide(x, out, out=np.zeros_like(x), where=out != 0)
            return (expand_reduced(g, dim, keepdim, x.ndim) * share,)
        return self.from_op(out.reshape(reduced_shape(x.shape, dim, keepdim)), (self,), backward, "norm")

    # --- maxima and minima: the gradient goes to one entry ----------------------------------------
    def max(self, dim: int | None = None, keepdim: bool = False, *, axis: Axis = None,
            keepdims: bool = False) -> Tensor | ValuesIndices:
        """The largest entry. ``x.max()`` is a 0-d tensor; ``x.max(dim)`` is (values, indices),
        as in PyTorch; ``x.max(axis=...)`` the values only, as in numpy (several axes allowed).

        The gradient goes to one entry per maximum: the first maximum (in row-major order),
        the one ``argmax`` returns. ``max_pool2d`` follows the same rule, as PyTorch's
        ``max(dim)`` and max-pooling do (PyTorch's ``amax`` splits ties evenly instead).
        """
        return self._extreme("max", np.argmax, dim, keepdim, axis, keepdims)

    def min(self, dim: int | None = None, keepdim: bool = False, *, axis: Axis = None,
            keepdims: bool = False) -> Tensor | ValuesIndices:
        """The smallest entry: as :meth:`max` (first minimum, (values, indices) when dim is given)."""
        return self._extreme("min", np.argmin, dim, keepdim, axis, keepdims)

    def argmax(self, dim: int | None = None, keepdim: bool = False, *, axis: int | None = None) -> Tensor:
        """Index of the largest entry (its first occurrence); an index has no gradient."""
        return self._arg("argmax", np.argmax, dim_arg("argmax", dim, axis, self.shape), keepdim)

    def argmin(self, dim: int | None = None, keepdim: bool = False, *, axis: int | None = None) -> Tensor:
        """Index of the smallest entry (its first occurrence); an index has no gradient."""
        return self._arg("argmin", np.argmin, dim_arg("argmin", dim, axis, self.shape), keepdim)

    def _arg(self, op: str, arg: Callable, dim: int | None, keepdim: bool) -> Tensor:
        if not isinstance(dim, (int, np.integer, type(None))):
            raise TypeError(f"{op}: dim must be one int (or None), got {dim!r}")
        return type(self)(arg(self.data, axis=dim, keepdims=keepdim))

    def _extreme(self, op: str, arg: Callable, dim: int | None, keepdim: bool, axis: Axis,
                 keepdims: bool) -> Tensor | ValuesIndices:
        if dim is not None and not isinstance(dim, (int, np.integer)):
            raise TypeError(f"{op}: dim must be one int, as in PyTorch, got {dim!r}; "
                            f"for several dims use {op}(axis={dim!r})")
        reduce = dim_arg(op, dim, axis, self.shape)
        x = self.data
        if x.size == 0:
            raise ValueError(f"{op}: the tensor of shape {x.shape} has no entries")
        axes = axes_of(reduce, x.ndim)
        kept = tuple(a for a in range(x.ndim) if a not in axes)
        # The reduced dims moved to the end and merged into one: along it, argmax is the first maximum.
        order = kept + axes
        rows = x.transpose(order).reshape(tuple(x.shape[a] for a in kept) + (-1,))
        first = arg(rows, axis=-1)[..., None]
        out = np.take_along_axis(rows, first, axis=-1)
        shape = reduced_shape(x.shape, reduce, keepdim or keepdims)

        def backward(g: np.ndarray) -> tuple:
            g_rows = np.zeros(rows.shape, dtype=x.dtype)
            np.put_along_axis(g_rows, first, g.reshape(first.shape), axis=-1)
            return (g_rows.reshape([x.shape[a] for a in order]).transpose(np.argsort(order)),)
        values = self.from_op(out.reshape(shape), (self,), backward, op)
        if dim is None:
            return values
        return ValuesIndices(values, type(self)(first.reshape(shape)))

    def any(self, dim: Axis = None, keepdim: bool = False, *, axis: Axis = None) -> Tensor:
        """Whether any entry is nonzero (True), along ``dim``: a bool tensor, no gradient."""
        return type(self)(self.data.any(axis=dim_arg("any", dim, axis, self.shape), keepdims=keepdim))

    def all(self, dim: Axis = None, keepdim: bool = False, *, axis: Axis = None) -> Tensor:
        """Whether every entry is nonzero (True), along ``dim``: a bool tensor, no gradient."""
        return type(self)(self.data.all(axis=dim_arg("all", dim, axis, self.shape), keepdims=keepdim))


def _count(op: str, dim: Axis, shape: tuple, least: int) -> int:
    """How many entries each output of a reduction combines; at least ``least`` of them."""
    n = int(np.prod([shape[a] for a in axes_of(dim, len(shape))]))
    if n < least:
        need = "no entries to average" if least == 1 else f"{n} entries, but correction needs more than {least - 1}"
        raise ValueError(f"{op}: {need} along dim {dim} of shape {shape}")
    return n


def _correction(correction: int | None, unbiased: bool | None) -> int:
    if correction is not None and unbiased is not None:
        raise TypeError("var/std: give correction= or unbiased=, not both")
    return int(correction if correction is not None else (unbiased is not False))
