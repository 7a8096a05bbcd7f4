"""Normalisation layers: ``LayerNorm`` and ``BatchNorm1d``/``BatchNorm2d``, PyTorch's names and state.

Around :func:`minigrad.functional.layer_norm` and :func:`minigrad.functional.batch_norm`.
Batch norm behaves differently in training and in evaluation: in ``train()`` mode it
standardises with the batch's statistics and keeps a running average of them in its buffers
``running_mean``, ``running_var`` and ``num_batches_tracked`` (saved in ``state_dict`` under
PyTorch's names); after ``eval()`` it uses those averages, so one example alone gets the
same output as inside a batch.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from .. import functional as F
from ..tensor import Tensor
from .module import Module, Parameter


class LayerNorm(Module):
    """Standardise the last axes of each example, then scale by ``weight`` and shift by ``bias``.

    ``normalized_shape``: those axes' sizes (an int for the last axis alone). weight starts at
    ones and bias at zeros, both of shape normalized_shape. Input: a shape ending with normalized_shape.
    """

    def __init__(self, normalized_shape: int | Sequence[int], eps: float = 1e-5,
                 elementwise_affine: bool = True, bias: bool = True) -> None:
        shape = (normalized_shape,) if isinstance(normalized_shape, (int, np.integer)) else tuple(normalized_shape)
        self.normalized_shape, self.eps = shape, eps
        self.weight = Parameter(np.ones(shape, np.float32)) if elementwise_affine else None
        self.bias = Parameter(np.zeros(shape, np.float32)) if elementwise_affine and bias else None

    def forward(self, x: Tensor) -> Tensor:
        return F.layer_norm(x, self.normalized_shape, self.weight, self.bias, self.eps)

    def extra_repr(self) -> str:
        return f"{self.normalized_shape}, eps={self.eps}, elementwise_affine={self.weight is not None}"


class _BatchNorm(Module):
    """What BatchNorm1d and BatchNorm2d share; they differ only in the input shapes they accept."""

    ndims: tuple = ()  # the input ranks the layer accepts

    def __init__(self, num_features: int, eps: float = 1e-5, momentum: float | None = 0.1,
                 affine: bool = True, track_running_stats: bool = True) -> None:
        self.num_features, self.eps, self.momentum = num_features, eps, momentum
        self.affine, self.track_running_stats = affine, track_running_stats
        self.weight = Parameter(np.ones(num_features, np.float32)) if affine else None
        self.bias = Parameter(np.zeros(num_features, np.float32)) if affine else None
        if track_running_stats:
            self.register_buffer("running_mean", Tensor(np.zeros(num_features, np.float32)))
            self.register_buffer("running_var", Tensor(np.ones(num_features, np.float32)))
            self.register_buffer("num_batches_tracked", Tensor(np.array(0, dtype=np.int64)))
        else:
            self.running_mean = self.running_var = self.num_batches_tracked = None

    def forward(self, x: Tensor) -> Tensor:
        name = type(self).__name__
        if not isinstance(x, Tensor) or x.ndim not in self.ndims or x.shape[1] != self.num_features:
            shapes = " or ".join(["(N, C)", "(N, C, L)", "(N, C, H, W)"][n - 2] for n in self.ndims)
            raise ValueError(f"{name}: expected input {shapes} with C = {self.num_features}, got "
                             f"{getattr(x, 'shape', type(x).__name__)}")
        use_batch = self.training or not self.track_running_stats
        factor = 0.0 if self.momentum is None else self.momentum
        if self.training and self.track_running_stats:
            self.num_batches_tracked.data += 1
            if self.momentum is None:  # a plain average of every batch seen so far
                factor = 1.0 / int(self.num_batches_tracked.data)
        return F.batch_norm(x, self.running_mean, self.running_var, self.weight, self.bias,
                            use_batch, factor, self.eps)

    def extra_repr(self) -> str:
        return (f"{self.num_features}, eps={self.eps}, momentum={self.momentum}, affine={self.affine}, "
                f"track_running_stats={self.track_running_stats}")


class BatchNorm1d(_BatchNorm):
    """Batch normalisation of (N, C) or (N, C, L) inputs: one mean and variance per channel C."""

    ndims = (2, 3)


class BatchNorm2d(_BatchNorm):
    """Batch normalisation of (N, C, H, W) images: statistics over N, H and W for each channel."""

    ndims = (4,)
