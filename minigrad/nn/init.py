"""Initialising parameters in place, with PyTorch's names and conventions (``torch.nn.init``).

Every function overwrites ``tensor``'s entries (its array, so a Parameter stays the same
object and an optimiser holding it sees the new values) and returns ``tensor``. Draws come
from minigrad's generator, so :func:`minigrad.manual_seed` reproduces them.

For a weight of shape ``(out, in, *kernel)`` (Linear: ``(out, in)``; Conv2d:
``(out, in, kh, kw)``), with ``r`` = the number of kernel entries (1 for Linear):

    fan_in = in · r,    fan_out = out · r.

Xavier (Glorot) keeps the variance of activations and of gradients both near 1:
Var(w) = gain² · 2 / (fan_in + fan_out). Kaiming (He) keeps one of them (``mode``):
Var(w) = gain² / fan, with gain √2 for ReLU.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..randomness import generator
from ..tensor import Tensor

__all__ = ["calculate_gain", "uniform_", "normal_", "constant_", "zeros_", "ones_",
           "xavier_uniform_", "xavier_normal_", "kaiming_uniform_", "kaiming_normal_"]

_LINEAR = ("linear", "identity", "conv1d", "conv2d", "conv3d", "conv_transpose1d",
           "conv_transpose2d", "conv_transpose3d", "sigmoid")


def calculate_gain(nonlinearity: str, param: float | None = None) -> float:
    """The factor that keeps the variance through ``nonlinearity``: 1 for linear layers and
    sigmoid, 5/3 for tanh, √2 for ReLU, √(2 / (1 + a²)) for leaky ReLU of slope a (0.01 by
    default), 3/4 for SELU."""
    if nonlinearity in _LINEAR:
        return 1.0
    if nonlinearity == "tanh":
        return 5.0 / 3
    if nonlinearity == "relu":
        return math.sqrt(2.0)
    if nonlinearity == "leaky_relu":
        slope = 0.01 if param is None else param
        return math.sqrt(2.0 / (1 + slope ** 2))
    if nonlinearity == "selu":
        return 3.0 / 4
    raise ValueError(f"calculate_gain: unsupported nonlinearity {nonlinearity!r}; use one of "
                     f"{', '.join(_LINEAR + ('tanh', 'relu', 'leaky_relu', 'selu'))}")


def _fill(tensor: Tensor, values: Any, op: str) -> Tensor:
    if not isinstance(tensor, Tensor):
        raise TypeError(f"nn.init.{op}: expected a Tensor (e.g. layer.weight), got {type(tensor).__name__}")
    tensor.data[...] = values
    return tensor


def _fans(tensor: Tensor, op: str) -> tuple[int, int]:
    if tensor.ndim < 2:
        raise ValueError(f"nn.init.{op}: fan in and fan out need a tensor of at least 2 dims "
                         f"(out, in, ...), got shape {tensor.shape}")
    r = math.prod(tensor.shape[2:])
    return tensor.shape[1] * r, tensor.shape[0] * r


def uniform_(tensor: Tensor, a: float = 0.0, b: float = 1.0) -> Tensor:
    """Entries drawn uniformly from [a, b)."""
    if not a <= b:
        raise ValueError(f"nn.init.uniform_: need a ≤ b, got a={a}, b={b}")
    return _fill(tensor, generator().uniform(a, b, np.shape(tensor.data)), "uniform_")


def normal_(tensor: Tensor, mean: float = 0.0, std: float = 1.0) -> Tensor:
    """Entries drawn from N(mean, std²)."""
    if std < 0:
        raise ValueError(f"nn.init.normal_: std must be ≥ 0, got {std}")
    return _fill(tensor, generator().normal(mean, std, np.shape(tensor.data)), "normal_")


def constant_(tensor: Tensor, val: float) -> Tensor:
    """Every entry ``val``."""
    return _fill(tensor, val, "constant_")


def zeros_(tensor: Tensor) -> Tensor:
    """Every entry 0."""
    return _fill(tensor, 0, "zeros_")


def ones_(tensor: Tensor) -> Tensor:
    """Every entry 1."""
    return _fill(tensor, 1, "ones_")


def xavier_uniform_(tensor: Tensor, gain: float = 1.0) -> Tensor:
    """Uniform on [−a, a] with a = gain · √(6 / (fan_in + fan_out)) (Glorot & Bengio, 2010)."""
    fan_in, fan_out = _fans(tensor, "xavier_uniform_")
    bound = gain * math.sqrt(6.0 / (fan_in + fan_out))
    return _fill(tensor, generator().uniform(-bound, bound, tensor.shape), "xavier_uniform_")


def xavier_normal_(tensor: Tensor, gain: float = 1.0) -> Tensor:
    """N(0, std²) with std = gain · √(2 / (fan_in + fan_out))."""
    fan_in, fan_out = _fans(tensor, "xavier_normal_")
    std = gain * math.sqrt(2.0 / (fan_in + fan_out))
    return _fill(tensor, generator().normal(0.0, std, tensor.shape), "xavier_normal_")


def _kaiming_std(tensor: Tensor, a: float, mode: str, nonlinearity: str, op: str) -> float:
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(f"nn.init.{op}: mode must be 'fan_in' or 'fan_out', got {mode!r}")
    fan_in, fan_out = _fans(tensor, op)
    return calculate_gain(nonlinearity, a) / math.sqrt(fan_in if mode == "fan_in" else fan_out)


def kaiming_uniform_(tensor: Tensor, a: float = 0.0, mode: str = "fan_in",
                     nonlinearity: str = "leaky_relu") -> Tensor:
    """Uniform on [−b, b] with b = gain · √(3 / fan) (He et al., 2015); ``fan`` by ``mode``,
    gain by ``nonlinearity`` (leaky ReLU of slope ``a``; a = 0 is ReLU's √2)."""
    bound = math.sqrt(3.0) * _kaiming_std(tensor, a, mode, nonlinearity, "kaiming_uniform_")
    return _fill(tensor, generator().uniform(-bound, bound, tensor.shape), "kaiming_uniform_")


def kaiming_normal_(tensor: Tensor, a: float = 0.0, mode: str = "fan_in",
                    nonlinearity: str = "leaky_relu") -> Tensor:
    """N(0, std²) with std = gain / √fan."""
    std = _kaiming_std(tensor, a, mode, nonlinearity, "kaiming_normal_")
    return _fill(tensor, generator().normal(0.0, std, tensor.shape), "kaiming_normal_")
