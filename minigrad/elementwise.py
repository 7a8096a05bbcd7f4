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
from .allocator import reusable
from .dtypes import floating
from .shapes import dim_arg

if TYPE_CHECKING:
    from .tensor import Tensor


class ElementwiseOps:
    """The element-wise methods of ``Tensor`` (``x.exp()``, ``x.relu()``, ``x.softmax(dim=-1)``...)."""

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
        # Both results in `reusable` memory: a CNN's activations are large, and fresh arrays
        # that size cost a page fault per 4 KiB on first touch (a fifth of a CNN step).
        out = np.maximum(x, 0, out=reusable(x.shape, np.result_type(x, 0)))
        return self.from_op(out, (self,),
                            lambda g: (np.multiply(g, x > 0, out=reusable(g.shape, g.dtype)),), "relu")

    def sigmoid(self) -> Tensor:
        out = stable.sigmoid(floating(self.data))
        return self.from_op(out, (self,), lambda g: (g * out * (1 - out),), "sigmoid")

    def tanh(self) -> Tensor:
        out = np.tanh(floating(self.data))
        return self.from_op(out, (self,), lambda g: (g * (1 - out * out),), "tanh")

    def abs(self) -> Tensor:
        x = self.data
        return self.from_op(np.abs(x), (self,), lambda g: (g * np.sign(x),), "abs")  # sign(0) = 0

    def sqrt(self) -> Tensor:
        x = floating(self.data)
        if np.any(x < 0):
            raise ValueError(f"sqrt: the square root needs entries ≥ 0, found {x.min()}")
        out = np.sqrt(x)  # d√x/dx = 1 / (2√x): infinite at 0, which backward refuses
        return self.from_op(out, (self,), lambda g: (g / (2 * out),), "sqrt")

    def sin(self) -> Tensor:
        x = floating(self.data)
        return self.from_op(np.sin(x), (self,), lambda g: (g * np.cos(x),), "sin")

    def cos(self) -> Tensor:
        x = floating(self.data)
        return self.from_op(np.cos(x), (self,), lambda g: (-g * np.sin(x),), "cos")

    def clamp(self, min: float | None = None, max: float | None = None) -> Tensor:
        """Entries limited to [min, max] (either may be None). The gradient passes where
        min ≤ x ≤ max and is 0 where the entry was clamped, as in PyTorch."""
        if min is None and max is None:
            raise ValueError("clamp: give min, max or both")
        x = self.data
        inside = ((x >= min) if min is not None else True) & ((x <= max) if max is not None else True)
        return self.from_op(np.clip(x, min, max), (self,), lambda g: (g * inside,), "clamp")

    def softmax(self, dim: int | None = None, *, axis: int | None = None) -> Tensor:
        """softmax(x)ᵢ = e^(xᵢ) / Σⱼ e^(xⱼ) along ``dim``, as the exponential of log_softmax.

        Backward: dL/dx = s · (g − Σⱼ gⱼ sⱼ), with s the softmax.
        """
        last = -1 if dim is None and axis is None else dim  # the last dim by default
        axis = dim_arg("softmax", last, axis, self.shape)
        out = np.exp(stable.log_softmax(floating(self.data), axis))
        return self.from_op(out, (self,),
                            lambda g: (out * (g - (g * out).sum(axis=axis, keepdims=True)),), "softmax")

    def log_softmax(self, dim: int | None = None, *, axis: int | None = None) -> Tensor:
        """log softmax(x) = x − logsumexp(x) along ``dim`` (see ``minigrad.stable.log_softmax``).

        Backward: dL/dx = g − softmax(x) · Σⱼ gⱼ.
        """
        last = -1 if dim is None and axis is None else dim  # the last dim by default
        axis = dim_arg("log_softmax", last, axis, self.shape)
        out = stable.log_softmax(floating(self.data), axis)
        return self.from_op(out, (self,),
                            lambda g: (g - np.exp(out) * g.sum(axis=axis, keepdims=True),), "log_softmax")


def tensor_power(base: Tensor, exponent: Tensor) -> Tensor:
    """x ** p with both tensors (broadcast together), as ``x.pow(p)`` in PyTorch.

    d(xᵖ)/dx = p·xᵖ⁻¹ (0 where p = 0); d(xᵖ)/dp = xᵖ·ln x, which needs x > 0, so a float
    exponent that requires grad refuses x ≤ 0. The result has the base's float dtype (an
    integer exponent does not make float32 into float64); two integer tensors stay integer.
    """
    x, p = base.data, exponent.data
    if x.dtype.kind != "f" and p.dtype.kind == "f":
        x = x.astype(p.dtype)
    elif x.dtype.kind == "f":
        p = p.astype(x.dtype)
    if x.dtype.kind != "f" and np.any(p < 0):
        raise ValueError("pow: integer tensors cannot be raised to negative powers (as in "
                         "PyTorch); convert with .float() first")
    whole = bool(np.all(np.mod(p, 1) == 0))
    try:
        np.broadcast_shapes(x.shape, p.shape)
    except ValueError:
        raise ValueError(f"pow: shapes {base.shape} and {exponent.shape} cannot be broadcast together") from None
    if x.dtype.kind == "f" and np.any((x == 0) & (p < 0)):
        raise ValueError("pow: zero raised to a negative power")
    if not whole and np.any(x < 0):
        raise ValueError(f"pow: negative entries (min {x.min()}) with non-integer exponents have no real result")
    if exponent.requires_grad and np.any(x <= 0):
        raise ValueError(f"pow: the gradient with respect to the exponent, xᵖ·ln x, needs x > 0; "
                         f"the base has entries down to {x.min()}")
    out = np.power(x, p)

    def backward(g: np.ndarray) -> tuple:
        gx = g * np.where(p == 0, 0, p * np.power(x, p - 1, where=p != 0, out=np.ones_like(out))) \
            if base.requires_grad else None
        gp = g * out * np.log(x) if exponent.requires_grad else None
        return gx, gp
    return base.from_op(out, (base, exponent), backward, "pow")
