"""Shape bookkeeping for the tensor engine: broadcasting, its gradient, axes and pairs.

Plain numpy helpers with no graph in them; the tensor operations use them in their
forward passes and :meth:`Tensor._propagate` uses :func:`unbroadcast` on every gradient.
"""

from __future__ import annotations

from typing import Any, Callable, Union

import numpy as np

from .allocator import SMALL, reusable
from .stable import float_error

Axis = Union[int, tuple, None]


_ARITHMETIC = (np.add, np.subtract, np.multiply, np.divide)


def broadcasting(fn: Callable, x: np.ndarray, y: np.ndarray, op: str) -> np.ndarray:
    """``fn(x, y)`` with numpy broadcasting, and an error naming ``op`` when the shapes do not
    fit, or when the result overflows or is undefined (where numpy would only warn)."""
    try:
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            if fn in _ARITHMETIC and x.dtype == y.dtype and x.dtype.kind == "f" and max(x.nbytes, y.nbytes) >= SMALL:
                # a large result: memory that a previous step freed (see allocator.reusable)
                return fn(x, y, out=reusable(np.broadcast_shapes(x.shape, y.shape), x.dtype))
            return fn(x, y)
    except ValueError:
        raise ValueError(f"{op}: shapes {x.shape} and {y.shape} cannot be broadcast together") from None
    except FloatingPointError as e:
        raise float_error(op, e, f"for shapes {x.shape} and {y.shape} ({x.dtype}, {y.dtype})") from None


def unbroadcast(g: np.ndarray, shape: tuple) -> np.ndarray:
    """Sum ``g`` back to ``shape``: the gradient of numpy broadcasting.

    A broadcast input was copied along the new leading axes and along its
    size-1 axes; each copy received a gradient, and the copies' gradients add.
    Raises ValueError when ``shape`` does not broadcast to ``g.shape``.
    """
    if g.shape == shape:
        return g
    added = g.ndim - len(shape)
    if added < 0 or any(n != 1 and n != m for n, m in zip(shape, g.shape[added:])):
        raise ValueError(f"a gradient of shape {g.shape} cannot be summed back to shape {shape}")
    g = g.sum(axis=tuple(range(added))) if added else g
    stretched = tuple(i for i, n in enumerate(shape) if n == 1 and g.shape[i] != 1)
    return g.sum(axis=stretched, keepdims=True) if stretched else g


def axes_of(axis: Axis, ndim: int) -> tuple:
    """``axis`` (None, an int or a tuple, checked) as a tuple of non-negative axes; None is all."""
    if axis is None:
        return tuple(range(ndim))
    return tuple(a % ndim for a in ((axis,) if isinstance(axis, (int, np.integer)) else axis))


def dim_arg(op: str, dim: Axis, axis: Axis, shape: tuple) -> Axis:
    """PyTorch's ``dim=`` or numpy's ``axis=`` (not both), checked against ``shape``."""
    if axis is not None:
        if dim is not None:
            raise TypeError(f"{op}: give dim= (PyTorch) or axis= (numpy), not both")
        dim = axis
    check_axis(op, dim, shape)
    return dim


def reduced_shape(shape: tuple, axis: Axis, keepdims: bool) -> tuple:
    """The shape of a reduction's result along ``axis`` (None: all axes)."""
    axes = axes_of(axis, len(shape))
    return tuple(1 if a in axes else n for a, n in enumerate(shape) if keepdims or a not in axes)


def expand_reduced(g: np.ndarray, axis: Axis, keepdims: bool, ndim: int) -> np.ndarray:
    """Put back the axes a reduction removed, so ``g`` broadcasts against its input."""
    if keepdims or axis is None and g.ndim == ndim:
        return g
    if axis is None:
        return g.reshape((1,) * ndim)
    return np.expand_dims(g, axes_of(axis, ndim))


def check_axis(op: str, axis: Axis, shape: tuple, permutation: bool = False) -> None:
    """Refuse an ``axis`` (None, an int or a tuple of ints) that ``shape`` does not have.

    numpy would say only "axis 2 is out of bounds for array of dimension 2"; this names
    the operation and the shape. An axis counts from the end when negative, as in numpy.
    With ``permutation`` (permute), ``axis`` must list every axis exactly once.
    PyTorch calls an axis a *dim*, and so do the messages.
    """
    axes = () if axis is None else (axis,) if isinstance(axis, (int, np.integer)) else tuple(axis)
    ndim = len(shape)
    if (any(isinstance(a, bool) or not isinstance(a, (int, np.integer)) for a in axes)
            or any(not -ndim <= a < ndim for a in axes)
            or len({a % ndim for a in axes}) < len(axes) or permutation and len(axes) != ndim):
        rule = "each of them once" if permutation else f"each in [-{ndim}, {ndim}), at most once"
        raise np.exceptions.AxisError(f"{op}: dim {axis} does not fit a tensor of shape {shape} "
                                      f"({ndim} dims; {rule})")


def pair(v: Any, least: int = 0, op: str = "pair", what: str = "value") -> tuple[int, int]:
    """An int or a (height, width) pair of ints ≥ ``least``, as a pair; a clear error otherwise.

    ``pair(3)`` is (3, 3). Convolution and pooling take their kernel size, stride and
    padding this way (a stride of 0 would divide by zero: ``least=1``).
    """
    p = (v, v) if isinstance(v, (int, np.integer)) else tuple(v) if isinstance(v, (tuple, list)) else ()
    if len(p) != 2 or not all(isinstance(k, (int, np.integer)) and not isinstance(k, bool)
                              and k >= least for k in p):
        raise ValueError(f"{op}: {what} must be an integer ≥ {least} or a pair of them, got {v!r}")
    return int(p[0]), int(p[1])
