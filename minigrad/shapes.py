"""Shape bookkeeping for the tensor engine: broadcasting, its gradient, and reduction axes.

Plain numpy helpers with no graph in them; :mod:`minigrad.tensor` uses them in its
operations and their backward functions.
"""

from __future__ import annotations

from typing import Callable, Union

import numpy as np

Axis = Union[int, tuple, None]


def _broadcasting(fn: Callable, x: np.ndarray, y: np.ndarray, op: str) -> np.ndarray:
    """``fn(x, y)`` with numpy broadcasting, and an error naming ``op`` when the shapes do not fit."""
    try:
        return fn(x, y)
    except ValueError:
        raise ValueError(f"{op}: shapes {x.shape} and {y.shape} cannot be broadcast together") from None


def _unbroadcast(g: np.ndarray, shape: tuple) -> np.ndarray:
    """Sum ``g`` back to ``shape``: the gradient of numpy broadcasting.

    A broadcast input was copied along the new leading axes and along its
    size-1 axes; each copy received a gradient, and the copies' gradients add.
    """
    if g.shape == shape:
        return g
    g = g.sum(axis=tuple(range(g.ndim - len(shape)))) if g.ndim > len(shape) else g
    stretched = tuple(i for i, n in enumerate(shape) if n == 1 and g.shape[i] != 1)
    return g.sum(axis=stretched, keepdims=True) if stretched else g


def _keep(g: np.ndarray, axis: Axis, keepdims: bool, ndim: int) -> np.ndarray:
    """Put back the axes a reduction removed, so ``g`` broadcasts against its input."""
    if keepdims or axis is None and g.ndim == ndim:
        return g
    if axis is None:
        return g.reshape((1,) * ndim)
    axes = (axis,) if isinstance(axis, (int, np.integer)) else axis
    return np.expand_dims(g, tuple(a % ndim for a in axes))


def _check_axis(op: str, axis: Axis, shape: tuple, permutation: bool = False) -> None:
    """Refuse an ``axis`` (None, an int or a tuple of ints) that ``shape`` does not have.

    numpy would say only "axis 2 is out of bounds for array of dimension 2"; this names
    the operation and the shape. An axis counts from the end when negative, as in numpy.
    With ``permutation`` (transpose), ``axis`` must list every axis exactly once.
    """
    axes = () if axis is None else (axis,) if isinstance(axis, (int, np.integer)) else tuple(axis)
    ndim = len(shape)
    if (any(not -ndim <= a < ndim for a in axes) or len({a % ndim for a in axes}) < len(axes)
            or permutation and len(axes) != ndim):
        rule = "each of them once" if permutation else f"each in [-{ndim}, {ndim}), at most once"
        raise np.exceptions.AxisError(f"{op}: axis {axis} does not fit a tensor of shape {shape} "
                                      f"({ndim} axes; {rule})")
