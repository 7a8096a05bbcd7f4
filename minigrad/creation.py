"""Making tensors, with PyTorch's names and arguments: ``minigrad.zeros(2, 3)``, ``randn(size=(4,))``...

A shape is given as ints (``zeros(2, 3)``) or one tuple (``zeros((2, 3))``). Floating-point
tensors are float32 unless ``dtype=`` says otherwise; every factory takes ``dtype``,
``requires_grad`` and ``device`` (the CPU only). Random tensors come from minigrad's
generator, so :func:`manual_seed` reproduces them.
"""

from __future__ import annotations

import operator
from typing import Any, Sequence

import numpy as np

from .conversions import check_device
from .dtypes import DEFAULT_FLOAT
from .randomness import generator
from .tensor import Tensor

__all__ = ["tensor", "zeros", "ones", "full", "empty", "zeros_like", "ones_like", "full_like",
           "empty_like", "rand_like", "randn_like", "arange", "linspace", "eye", "rand", "randn",
           "randint", "normal", "from_numpy"]


def _shape(op: str, sizes: tuple, size: Any = None) -> tuple:
    """``(2, 3)``, ``((2, 3),)`` or ``size=(2, 3)`` as the shape (2, 3)."""
    if size is not None:
        if sizes:
            raise TypeError(f"{op}: give the shape as arguments or as size=, not both")
        sizes = (size,)
    if len(sizes) == 1 and isinstance(sizes[0], (tuple, list)):
        sizes = tuple(sizes[0])
    try:
        shape = tuple(operator.index(n) for n in sizes)
    except TypeError:
        raise TypeError(f"{op}: the shape must be integers, got {sizes}") from None
    if any(n < 0 for n in shape):
        raise ValueError(f"{op}: sizes cannot be negative, got {shape}")
    return shape


def _made(data: np.ndarray, dtype: Any, requires_grad: bool, device: Any) -> Tensor:
    check_device(device)
    return Tensor(data, dtype=DEFAULT_FLOAT if dtype is None else dtype, requires_grad=requires_grad)


def from_numpy(array: np.ndarray) -> Tensor:
    """A tensor that shares ``array``'s memory, as ``torch.from_numpy``: writing to one shows in
    the other. The dtype is the array's (float64 stays float64)."""
    if not isinstance(array, np.ndarray):
        raise TypeError(f"from_numpy: expected a numpy.ndarray, got {type(array).__name__}")
    return Tensor(array)


def tensor(data: Any, dtype: Any = None, requires_grad: bool = False, device: Any = None) -> Tensor:
    """A new tensor holding a copy of ``data`` (numbers, nested lists, an array, a tensor).

    As ``torch.tensor``: Python floats give float32, ints int64, bools bool; an array keeps its dtype.
    """
    data = data.data if isinstance(data, Tensor) else data
    copy = np.array(data) if isinstance(data, (np.ndarray, np.generic)) else data
    return Tensor(copy, dtype=dtype, requires_grad=requires_grad, device=device)


def zeros(*shape: int, size: Any = None, dtype: Any = None, requires_grad: bool = False,
          device: Any = None) -> Tensor:
    return _made(np.zeros(_shape("zeros", shape, size)), dtype, requires_grad, device)


def ones(*shape: int, size: Any = None, dtype: Any = None, requires_grad: bool = False,
         device: Any = None) -> Tensor:
    return _made(np.ones(_shape("ones", shape, size)), dtype, requires_grad, device)


def empty(*shape: int, size: Any = None, dtype: Any = None, requires_grad: bool = False,
          device: Any = None) -> Tensor:
    """Zeros, in minigrad (PyTorch leaves the memory as it finds it)."""
    return _made(np.zeros(_shape("empty", shape, size)), dtype, requires_grad, device)


def full(size: Sequence[int], fill_value: float, dtype: Any = None, requires_grad: bool = False,
         device: Any = None) -> Tensor:
    """A tensor of ``size`` filled with ``fill_value``; its dtype follows the value (as in PyTorch)."""
    if dtype is None:
        dtype = np.bool_ if isinstance(fill_value, bool) else np.int64 if isinstance(fill_value, int) else None
    return _made(np.full(_shape("full", (size,)), fill_value), dtype, requires_grad, device)


def _like(x: Tensor, dtype: Any) -> Any:
    return x.dtype if dtype is None else dtype


def zeros_like(x: Tensor, dtype: Any = None, requires_grad: bool = False, device: Any = None) -> Tensor:
    return _made(np.zeros(x.shape), _like(x, dtype), requires_grad, device)


def ones_like(x: Tensor, dtype: Any = None, requires_grad: bool = False, device: Any = None) -> Tensor:
    return _made(np.ones(x.shape), _like(x, dtype), requires_grad, device)


def empty_like(x: Tensor, dtype: Any = None, requires_grad: bool = False, device: Any = None) -> Tensor:
    return _made(np.zeros(x.shape), _like(x, dtype), requires_grad, device)


def full_like(x: Tensor, fill_value: float, dtype: Any = None, requires_grad: bool = False,
              device: Any = None) -> Tensor:
    return _made(np.full(x.shape, fill_value), _like(x, dtype), requires_grad, device)


def rand_like(x: Tensor, dtype: Any = None, requires_grad: bool = False, device: Any = None) -> Tensor:
    return _made(generator().random(x.shape), _like(x, dtype), requires_grad, device)


def randn_like(x: Tensor, dtype: Any = None, requires_grad: bool = False, device: Any = None) -> Tensor:
    return _made(generator().standard_normal(x.shape), _like(x, dtype), requires_grad, device)


def arange(start: float, end: float | None = None, step: float = 1, dtype: Any = None,
           requires_grad: bool = False, device: Any = None) -> Tensor:
    """start, start + step, ... up to (not including) ``end``; ``arange(n)`` is 0 … n − 1.

    int64 when start, end and step are all integers, float32 otherwise (as in PyTorch).
    """
    if end is None:
        start, end = 0, start
    if step == 0:
        raise ValueError("arange: step must be nonzero")
    whole = all(isinstance(v, (int, np.integer)) for v in (start, end, step))
    if dtype is None and whole:
        dtype = np.int64
    return _made(np.arange(start, end, step), dtype, requires_grad, device)


def linspace(start: float, end: float, steps: int, dtype: Any = None, requires_grad: bool = False,
             device: Any = None) -> Tensor:
    """``steps`` evenly spaced values from ``start`` to ``end``, both included."""
    if operator.index(steps) < 0:
        raise ValueError(f"linspace: steps must be ≥ 0, got {steps}")
    return _made(np.linspace(start, end, steps), dtype, requires_grad, device)


def eye(n: int, m: int | None = None, dtype: Any = None, requires_grad: bool = False,
        device: Any = None) -> Tensor:
    """The n × m identity matrix (m = n by default)."""
    return _made(np.eye(*_shape("eye", (n,) if m is None else (n, m))), dtype, requires_grad, device)


def rand(*shape: int, size: Any = None, dtype: Any = None, requires_grad: bool = False,
         device: Any = None) -> Tensor:
    """Uniform entries in [0, 1). The shape as ints, a tuple or ``size=``."""
    return _made(generator().random(_shape("rand", shape, size)), dtype, requires_grad, device)


def randn(*shape: int, size: Any = None, dtype: Any = None, requires_grad: bool = False,
          device: Any = None) -> Tensor:
    """Standard normal entries (mean 0, variance 1). The shape as ints, a tuple or ``size=``."""
    return _made(generator().standard_normal(_shape("randn", shape, size)), dtype, requires_grad, device)


def randint(low: int, high: int | None = None, size: Sequence[int] = (), dtype: Any = None,
            requires_grad: bool = False, device: Any = None) -> Tensor:
    """Integers drawn uniformly from [low, high) (``randint(high, size=...)``: from [0, high)), int64."""
    if high is None:
        low, high = 0, low
    if high <= low:
        raise ValueError(f"randint: need low < high, got low={low}, high={high}")
    draws = generator().integers(low, high, size=_shape("randint", (size,)))
    return _made(draws, np.int64 if dtype is None else dtype, requires_grad, device)



def normal(mean: Any, std: Any = 1.0, size: Sequence[int] | None = None, *, dtype: Any = None,
           requires_grad: bool = False, device: Any = None) -> Tensor:
    """Entries drawn from N(mean, std²): ``normal(0, 0.01, size=(2, 3))``, or with tensors
    ``mean``/``std`` one draw per entry of their broadcast shape (then ``size`` is not given)."""
    mean, std = (np.asarray(v.data if isinstance(v, Tensor) else v) for v in (mean, std))
    if np.any(std < 0):
        raise ValueError(f"normal: std must be ≥ 0, got {std.min()}")
    shape = np.broadcast_shapes(mean.shape, std.shape) if size is None else _shape("normal", (size,))
    return _made(mean + std * generator().standard_normal(shape), dtype, requires_grad, device)
