"""Layers: the building blocks of networks, each a ``Module`` around a function of
:mod:`minigrad.functional`. How weights start is documented on :class:`Linear`.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .. import functional as F
from ..randomness import generator
from ..shapes import pair
from ..tensor import Tensor
from .module import Module, Parameter


def init_weight(shape: tuple, fan_in: int, fan_out: int, init: str) -> Parameter:
    """A float32 weight of ``shape`` drawn with ``init`` ("he" or "glorot")."""
    if init == "he":
        data = generator().normal(0.0, np.sqrt(2.0 / fan_in), size=shape)
    elif init == "glorot":
        a = np.sqrt(6.0 / (fan_in + fan_out))
        data = generator().uniform(-a, a, size=shape)
    else:
        raise ValueError(f"init must be 'he' or 'glorot', got {init!r}")
    return Parameter(data.astype(np.float32))


class Linear(Module):
    """A fully connected layer, z = x Wᵀ + b: input (…, in_features) → output (…, out_features).

    ``weight`` W has shape (out_features, in_features): row j holds the weights of output unit
    j, so ``weight[j, i]`` is w_ji, the weight from input i to unit j (the book's notation, and
    the layout of PyTorch's ``nn.Linear``). ``bias`` b has shape (out_features,). For one example
    x of shape (in_features,), the output is z = W x + b, that is z_j = Σ_i w_ji x_i + b_j, the
    net inputs of the units; for a batch X of shape (N, in_features), one example per row, it is
    Z = X Wᵀ + b, of shape (N, out_features), and likewise over any leading axes.

    Initialisation (``Linear`` and ``Conv2d``; reproducible with :func:`minigrad.manual_seed`),
    chosen with ``init``:

    * ``"he"`` (the default for every layer on its own): N(0, 2/fan_in), which keeps the
      variance of the activations steady through ReLUs;
    * ``"glorot"`` (Glorot/Xavier): U(−a, a) with a = √(6/(fan_in + fan_out)), suited to a
      sigmoid, a tanh or a linear output. :class:`~minigrad.nn.MLP` picks it for layers that
      do not feed a ReLU.

    fan_in is the number of inputs each output reads (in_features, or in_channels·kH·kW for a
    convolution) and fan_out the same count seen from an input. Biases start at zero.
    """

    def __init__(self, in_features: int, out_features: int, bias: bool = True, init: str = "he") -> None:
        self.in_features, self.out_features = in_features, out_features
        self.weight = init_weight((out_features, in_features), in_features, out_features, init)
        self.bias = Parameter(np.zeros(out_features, dtype=np.float32)) if bias else None

    def forward(self, x: Tensor) -> Tensor:
        return F.linear(x, self.weight, self.bias)

    def extra_repr(self) -> str:
        return f"in_features={self.in_features}, out_features={self.out_features}, bias={self.bias is not None}"


class Conv2d(Module):
    """2-D convolution; weight (out_channels, in_channels, kH, kW), bias (out_channels,).

    ``kernel_size``, ``stride`` and ``padding`` are an int or an (height, width) pair;
    ``init`` as for :class:`Linear`. Input (N, in_channels, H, W) → (N, out_channels, Ho, Wo).
    """

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int | tuple[int, int],
                 stride: int | tuple[int, int] = 1, padding: int | tuple[int, int] = 0,
                 bias: bool = True, init: str = "he") -> None:
        if isinstance(padding, str):
            raise ValueError(f"Conv2d: padding must be a number of pixels (int or pair), got "
                             f"{padding!r}; for 'same' with an odd kernel k, use padding=k // 2")
        self.in_channels, self.out_channels = in_channels, out_channels
        self.kernel_size = pair(kernel_size, 1, "Conv2d", "kernel_size")
        self.stride, self.padding = pair(stride, 1, "Conv2d", "stride"), pair(padding, 0, "Conv2d", "padding")
        k = self.kernel_size[0] * self.kernel_size[1]
        self.weight = init_weight((out_channels, in_channels, *self.kernel_size),
                                  in_channels * k, out_channels * k, init)
        self.bias = Parameter(np.zeros(out_channels, dtype=np.float32)) if bias else None

    def forward(self, x: Tensor) -> Tensor:
        return F.conv2d(x, self.weight, self.bias, self.stride, self.padding)

    def extra_repr(self) -> str:
        return (f"{self.in_channels}, {self.out_channels}, kernel_size={self.kernel_size}, "
                f"stride={self.stride}, padding={self.padding}")


class _Pool2d(Module):
    """Pooling over windows of ``kernel_size`` pixels moved by ``stride`` (default: the kernel size)."""

    function = staticmethod(F.max_pool2d)

    def __init__(self, kernel_size: int = 2, stride: int | None = None) -> None:
        self.kernel_size, self.stride = kernel_size, stride

    def forward(self, x: Tensor) -> Tensor:
        return self.function(x, self.kernel_size, self.stride)

    def extra_repr(self) -> str:
        return f"kernel_size={self.kernel_size}, stride={self.stride or self.kernel_size}"


class MaxPool2d(_Pool2d):
    """The largest value of each window: (N, C, H, W) → (N, C, Ho, Wo)."""


class AvgPool2d(_Pool2d):
    """The mean of each window: (N, C, H, W) → (N, C, Ho, Wo)."""

    function = staticmethod(F.avg_pool2d)


class AdaptiveAvgPool2d(Module):
    """Mean over a grid of ``output_size`` cells: (N, C, H, W) → (N, C, Ho, Wo)."""

    def __init__(self, output_size: int | tuple) -> None:
        self.output_size = output_size

    def forward(self, x: Tensor) -> Tensor:
        return F.adaptive_avg_pool2d(x, self.output_size)

    def extra_repr(self) -> str:
        return f"output_size={self.output_size}"


class Flatten(Module):
    """Dims ``start_dim`` … ``end_dim`` merged into one (by default all but the batch dim)."""

    def __init__(self, start_dim: int = 1, end_dim: int = -1) -> None:
        self.start_dim, self.end_dim = start_dim, end_dim

    def forward(self, x: Tensor) -> Tensor:
        return x.flatten(self.start_dim, self.end_dim)


class ReLU(Module):
    def forward(self, x: Tensor) -> Tensor:
        return x.relu()


class Sigmoid(Module):
    def forward(self, x: Tensor) -> Tensor:
        return x.sigmoid()


class Tanh(Module):
    def forward(self, x: Tensor) -> Tensor:
        return x.tanh()


class _Normalise(Module):
    """A function of each slice along ``dim`` (the class axis: ``dim=1`` for (N, C) scores)."""

    function = staticmethod(F.softmax)

    def __init__(self, dim: int) -> None:
        self.dim = dim

    def forward(self, x: Tensor) -> Tensor:
        return self.function(x, self.dim)

    def extra_repr(self) -> str:
        return f"dim={self.dim}"


class Softmax(_Normalise):
    """softmax(x)ᵢ = e^(xᵢ) / Σⱼ e^(xⱼ) along ``dim``: each slice becomes probabilities."""


class LogSoftmax(_Normalise):
    """log softmax(x) along ``dim``, computed stably as x − max − log Σ e^(x − max)."""

    function = staticmethod(F.log_softmax)


class Dropout(Module):
    """Zeroes entries with probability p while training; the identity in eval mode."""

    def __init__(self, p: float = 0.5) -> None:
        if not 0.0 <= p < 1.0:
            raise ValueError(f"Dropout: p must be in [0, 1), got {p}")
        self.p = p

    def forward(self, x: Tensor) -> Tensor:
        return F.dropout(x, self.p, self.training)

    def extra_repr(self) -> str:
        return f"p={self.p}"


class Embedding(Module):
    """A lookup table: integer ids (any shape) → rows of ``weight`` (num_embeddings, embedding_dim).

    Rows start N(0, 1), as in PyTorch. Only the rows looked up receive a gradient.
    """

    def __init__(self, num_embeddings: int, embedding_dim: int) -> None:
        self.num_embeddings, self.embedding_dim = num_embeddings, embedding_dim
        self.weight = Parameter(generator().standard_normal((num_embeddings, embedding_dim))
                                .astype(np.float32))

    def forward(self, ids: Any) -> Tensor:
        ids = np.asarray(ids.data if isinstance(ids, Tensor) else ids)
        if ids.dtype.kind not in "iu" or (ids.size and (ids.min() < 0 or ids.max() >= self.num_embeddings)):
            raise ValueError(f"Embedding: ids must be integers in [0, {self.num_embeddings}), got "
                             f"dtype {ids.dtype}" + (f", values {ids.min()}..{ids.max()}" if ids.size else ""))
        return self.weight[ids]

    def extra_repr(self) -> str:
        return f"{self.num_embeddings}, {self.embedding_dim}"
