"""Reductions of a tensor: sums, means and maxima along some of its axes.

A reduction's backward sends each output's gradient back to the entries it was computed
from: to all of them for a sum (each entry counted once), divided by their number for a
mean, to one of them for a maximum. These are methods of :class:`~minigrad.tensor.Tensor`,
written once in this mixin.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .dtypes import floating
from .shapes import Axis, axes_of, check_axis, expand_reduced

if TYPE_CHECKING:
    from .tensor import Tensor


class ReductionOps:
    """The reductions of ``Tensor`` (``x.sum()``, ``x.mean(axis=0)``, ``x.max(axis=1)``...)."""

    __slots__ = ()

    def sum(self, axis: Axis = None, keepdims: bool = False) -> Tensor:
        shape = self.shape
        check_axis("sum", axis, shape)
        return self.from_op(
            self.data.sum(axis=axis, keepdims=keepdims), (self,),
            lambda g: (np.broadcast_to(expand_reduced(g, axis, keepdims, len(shape)), shape),), "sum")

    def mean(self, axis: Axis = None, keepdims: bool = False) -> Tensor:
        shape = self.shape
        check_axis("mean", axis, shape)
        x = floating(self.data)  # the mean of integers is float32, as in PyTorch
        n = int(np.prod([shape[a] for a in axes_of(axis, len(shape))]))  # entries per mean
        if n == 0:
            raise ValueError(f"mean: no entries to average along axis {axis} of shape {shape}")
        out = x.mean(axis=axis, keepdims=keepdims)
        return self.from_op(
            out, (self,),
            lambda g: (np.broadcast_to(expand_reduced(g, axis, keepdims, len(shape)) / n, shape),), "mean")

    def max(self, axis: Axis = None, keepdims: bool = False) -> Tensor:
        """The largest entry along ``axis``. Its gradient goes to one entry per maximum: the
        first maximum (in row-major order), the one ``argmax`` returns. ``max_pool2d`` follows
        the same rule, as PyTorch's ``max(dim)`` and max-pooling do (PyTorch's ``amax`` splits
        the gradient evenly between ties instead).
        """
        check_axis("max", axis, self.shape)
        x = self.data
        axes = axes_of(axis, x.ndim)
        kept = tuple(a for a in range(x.ndim) if a not in axes)
        # The reduced axes moved to the end and merged into one: along it, argmax is the first maximum.
        order = kept + axes
        rows = x.transpose(order).reshape(tuple(x.shape[a] for a in kept) + (-1,))
        first = rows.argmax(axis=-1)[..., None]
        out = np.take_along_axis(rows, first, axis=-1)
        shape = tuple(1 if a in axes else n for a, n in enumerate(x.shape)) if keepdims else out.shape[:-1]

        def backward(g: np.ndarray) -> tuple:
            g_rows = np.zeros(rows.shape, dtype=x.dtype)
            np.put_along_axis(g_rows, first, g.reshape(first.shape), axis=-1)
            return (g_rows.reshape([x.shape[a] for a in order]).transpose(np.argsort(order)),)
        return self.from_op(out.reshape(shape), (self,), backward, "max")

    def argmax(self, axis: int | None = None) -> Tensor:
        """Index of the largest entry (its first occurrence); no gradient: an index is not differentiable."""
        check_axis("argmax", axis, self.shape)
        return type(self)(self.data.argmax(axis=axis))

    def any(self, axis: Axis = None, keepdims: bool = False) -> Tensor:
        """Whether any entry is nonzero (True), along ``axis``: a bool tensor, no gradient."""
        check_axis("any", axis, self.shape)
        return type(self)(self.data.any(axis=axis, keepdims=keepdims))

    def all(self, axis: Axis = None, keepdims: bool = False) -> Tensor:
        """Whether every entry is nonzero (True), along ``axis``: a bool tensor, no gradient."""
        check_axis("all", axis, self.shape)
        return type(self)(self.data.all(axis=axis, keepdims=keepdims))
