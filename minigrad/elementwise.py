"""Element-wise functions of a tensor: each entry of the result depends on one entry of the input.

So each backward is the incoming gradient times the local derivative, entry by entry:
dL/dx = g · f'(x). Integer tensors give float32 results, as in PyTorch. (Softmax and log-softmax, which mix the entries of a slice, are here too:
they are the element-wise functions of classification.) These are methods of
:class:`~minigrad.tensor.Tensor`, written once in this mixin.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from . import stable
from .dtypes import floating
from .shapes import check_axis

if TYPE_CHECKING:
    from .tensor import Tensor


class ElementwiseOps:
    """The element-wise methods of ``Tensor`` (``x.exp()``, ``x.relu()``, ``x.softmax(-1)``...)."""

    __slots__ = ()

    def exp(self) -> Tensor:
        with np.errstate(over="raise"):
            try:
                out = np.exp(floating(self.data))
            except FloatingPointError:
                raise OverflowError(f"exp: overflows {self.dtype} for entries up to {self.data.max():.4g}; "
                                    f"for probabilities use sigmoid, softmax or log_softmax") from None
        return self.from_op(out, (self,), lambda g: (g * out,), "exp")

    def log(self) -> Tensor:
        x = floating(self.data)
        if np.any(x <= 0):
            raise ValueError(f"log: the logarithm needs positive entries, found {x.min()}")
        return self.from_op(np.log(x), (self,), lambda g: (g / x,), "log")

    def relu(self) -> Tensor:
        x = self.data
        return self.from_op(np.maximum(x, 0), (self,), lambda g: (g * (x > 0),), "relu")

    def sigmoid(self) -> Tensor:
        out = stable.sigmoid(floating(self.data))
        return self.from_op(out, (self,), lambda g: (g * out * (1 - out),), "sigmoid")

    def tanh(self) -> Tensor:
        out = np.tanh(floating(self.data))
        return self.from_op(out, (self,), lambda g: (g * (1 - out * out),), "tanh")

    def softmax(self, axis: int = -1) -> Tensor:
        """softmax(x)ᵢ = e^(xᵢ) / Σⱼ e^(xⱼ) along ``axis``, as the exponential of log_softmax.

        Backward: dL/dx = s · (g − Σⱼ gⱼ sⱼ), with s the softmax.
        """
        check_axis("softmax", axis, self.shape)
        out = np.exp(stable.log_softmax(floating(self.data), axis))
        return self.from_op(out, (self,),
                            lambda g: (out * (g - (g * out).sum(axis=axis, keepdims=True)),), "softmax")

    def log_softmax(self, axis: int = -1) -> Tensor:
        """log softmax(x) = x − logsumexp(x) along ``axis`` (see :func:`minigrad.stable.log_softmax`).

        Backward: dL/dx = g − softmax(x) · Σⱼ gⱼ.
        """
        check_axis("log_softmax", axis, self.shape)
        out = stable.log_softmax(floating(self.data), axis)
        return self.from_op(out, (self,),
                            lambda g: (g - np.exp(out) * g.sum(axis=axis, keepdims=True),), "log_softmax")
