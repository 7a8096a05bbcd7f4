"""PyTorch's top-level functions: ``minigrad.exp(x)``, ``minigrad.cat([a, b], dim=1)``...

Most are a tensor's methods under another spelling (``minigrad.sum(x, dim=0)`` is
``x.sum(dim=0)``), so they are made from the methods' names below. ``cat``, ``stack`` and
``where`` combine several tensors and are operations of their own, with their backward.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

import numpy as np

from .shapes import check_axis
from .tensor import Tensor
from .tensor import matmul as _matmul

# Each is minigrad.<name>(x, ...) = x.<name>(...), as in PyTorch.
METHODS = ["exp", "log", "sqrt", "abs", "sin", "cos", "relu", "sigmoid", "tanh", "softmax",
           "log_softmax", "clamp", "pow", "sum", "mean", "var", "std", "norm",
           "argmax", "argmin", "reshape", "permute", "transpose", "flatten", "squeeze",
           "unsqueeze", "t", "mm", "numel"]

__all__ = METHODS + ["matmul", "mul", "cat", "stack", "where", "max", "min", "maximum", "minimum",
                     "allclose"]


def _as_function(name: str) -> Callable:
    def function(input: Any, *args: Any, **kwargs: Any) -> Any:
        x = input if isinstance(input, Tensor) else Tensor(input)
        return getattr(x, name)(*args, **kwargs)
    function.__name__ = function.__qualname__ = name
    function.__doc__ = f"``minigrad.{name}(x, ...)`` is ``x.{name}(...)``: see ``Tensor.{name}``."
    return function


for _name in METHODS:
    globals()[_name] = _as_function(_name)


def _into(out: Tensor | None, result: Tensor, op: str) -> Tensor:
    """``result``, or with PyTorch's ``out=`` its entries written into ``out`` (same shape)."""
    if out is None:
        return result
    if not isinstance(out, Tensor) or out.shape != result.shape:
        raise ValueError(f"{op}: out= must be a tensor of the result's shape {result.shape}, "
                         f"got {getattr(out, 'shape', type(out).__name__)}")
    if result.requires_grad:
        raise RuntimeError(f"{op}: out= does not record gradients (as in PyTorch); "
                           f"use the result instead: y = {op}(...)")
    out.data[...] = result.data
    return out


def matmul(input: Any, other: Any, *, out: Tensor | None = None) -> Tensor:
    """``input @ other`` (the matrix product of ``Tensor.__matmul__``), written into ``out`` if given."""
    x, y = (t if isinstance(t, Tensor) else Tensor(t) for t in (input, other))
    return _into(out, _matmul(x, y), "matmul")


def mul(input: Any, other: Any, *, out: Tensor | None = None) -> Tensor:
    """``input * other`` entry by entry (broadcast), written into ``out`` if given."""
    x = input if isinstance(input, Tensor) else Tensor(input)
    return _into(out, x * other, "mul")


def _tensors(op: str, tensors: Sequence[Any]) -> list[Tensor]:
    if isinstance(tensors, Tensor) or not len(tensors):
        raise TypeError(f"{op}: expects a list or tuple of tensors, got {type(tensors).__name__}")
    return [t if isinstance(t, Tensor) else Tensor(t) for t in tensors]


def cat(tensors: Sequence[Tensor], dim: int = 0, *, axis: int | None = None) -> Tensor:
    """Join tensors along an existing dim; the gradient is split back into the pieces."""
    tensors = _tensors("cat", tensors)
    dim = dim if axis is None else axis
    try:
        out = np.concatenate([t.data for t in tensors], axis=dim)
    except (ValueError, np.exceptions.AxisError) as e:
        raise ValueError(f"cat: cannot join shapes {[t.shape for t in tensors]} along dim {dim}: {e}") from None
    cuts = np.cumsum([t.shape[dim] for t in tensors])[:-1]
    return Tensor.from_op(out, tuple(tensors), lambda g: tuple(np.split(g, cuts, axis=dim)), "cat")


def stack(tensors: Sequence[Tensor], dim: int = 0, *, axis: int | None = None) -> Tensor:
    """Join same-shaped tensors along a new dim."""
    tensors = _tensors("stack", tensors)
    dim = dim if axis is None else axis
    shapes = {t.shape for t in tensors}
    if len(shapes) != 1:
        raise ValueError(f"stack: all tensors need the same shape, got {[t.shape for t in tensors]}")
    check_axis("stack", dim, (len(tensors), *tensors[0].shape))  # the dims of the result
    out = np.stack([t.data for t in tensors], axis=dim)
    n = len(tensors)
    return Tensor.from_op(out, tuple(tensors),
                          lambda g: tuple(np.squeeze(p, dim) for p in np.split(g, n, axis=dim)), "stack")


def where(condition: Any, input: Any, other: Any) -> Tensor:
    """``input`` where ``condition`` holds, ``other`` elsewhere (all three broadcast together).

    Backward: the gradient goes to ``input`` where the condition holds, to ``other`` elsewhere.
    """
    c = np.asarray(condition.data if isinstance(condition, Tensor) else condition)
    if c.dtype != np.bool_:
        raise TypeError(f"where: the condition must be a bool tensor (e.g. x > 0), got dtype {c.dtype}")
    x, y = (t if isinstance(t, Tensor) else Tensor(t) for t in (input, other))
    try:
        out = np.where(c, x.data, y.data)
    except ValueError:
        raise ValueError(f"where: shapes {c.shape}, {x.shape} and {y.shape} cannot be broadcast together") from None
    return Tensor.from_op(out, (x, y), lambda g: (g * c, g * ~c), "where")


def maximum(input: Any, other: Any) -> Tensor:
    """The larger of two tensors, entry by entry (broadcast together).

    Backward: the gradient goes to the larger entry; at a tie each gets half (as PyTorch).
    """
    x, y = (t if isinstance(t, Tensor) else Tensor(t) for t in (input, other))
    a, b = x.data, y.data
    try:
        out = np.maximum(a, b)
    except ValueError:
        raise ValueError(f"maximum: shapes {x.shape} and {y.shape} cannot be broadcast together") from None
    share = (a > b) + 0.5 * (a == b)
    return Tensor.from_op(out, (x, y), lambda g: (g * share, g * (1 - share)), "maximum")


def minimum(input: Any, other: Any) -> Tensor:
    """The smaller of two tensors, entry by entry: −maximum(−input, −other)."""
    x, y = (t if isinstance(t, Tensor) else Tensor(t) for t in (input, other))
    return -maximum(-x, -y)


def max(input: Any, *args: Any, **kwargs: Any) -> Any:
    """``max(x)``, ``max(x, dim)`` as :meth:`Tensor.max`; ``max(x, other)`` with a tensor
    ``other`` is :func:`maximum`, as in PyTorch."""
    if args and isinstance(args[0], Tensor):
        return maximum(input, *args)
    x = input if isinstance(input, Tensor) else Tensor(input)
    return x.max(*args, **kwargs)


def min(input: Any, *args: Any, **kwargs: Any) -> Any:
    """``min(x)``, ``min(x, dim)`` as :meth:`Tensor.min`; ``min(x, other)`` is :func:`minimum`."""
    if args and isinstance(args[0], Tensor):
        return minimum(input, *args)
    x = input if isinstance(input, Tensor) else Tensor(input)
    return x.min(*args, **kwargs)


def allclose(input: Any, other: Any, rtol: float = 1e-05, atol: float = 1e-08,
             equal_nan: bool = False) -> bool:
    """Whether abs(input − other) ≤ atol + rtol·abs(other) everywhere (shapes broadcast)."""
    a, b = (np.asarray(t.data if isinstance(t, Tensor) else t) for t in (input, other))
    return bool(np.allclose(a, b, rtol=rtol, atol=atol, equal_nan=equal_nan))
