"""In-place updates of a tensor: ``p -= lr * p.grad``, ``p.grad.zero_()``, ``x[0] = 1``...

They change ``x.data`` itself, with no new tensor and no graph. A tensor that requires grad
may be changed this way only while no graph is recorded (``with minigrad.no_grad():``, as
an optimiser step does): otherwise the backward functions that captured its data would use
the new values and compute wrong gradients. PyTorch refuses the same case ("a leaf Variable
that requires grad is being used in an in-place operation"). These are methods of
:class:`~minigrad.tensor.Tensor`, written once in this mixin; each returns the tensor itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

import numpy as np

from .autograd import grad_mode
from .randomness import generator
from .stable import float_error

if TYPE_CHECKING:
    from .tensor import Tensor


class InPlaceOps:
    """The in-place methods of ``Tensor`` (``x.zero_()``, ``x.add_(y)``, ``x += y``...)."""

    __slots__ = ()

    def _in_place(self, op: str, update: Callable[[np.ndarray], Any]) -> Tensor:
        """Run ``update(self.data)``, which writes into the array, after checking it is allowed."""
        if self.requires_grad and grad_mode.enabled:
            raise RuntimeError(f"{op}: this tensor (shape {self.shape}) requires grad, so it cannot be "
                               f"changed in place while gradients are recorded (PyTorch: 'a leaf Variable "
                               f"that requires grad is being used in an in-place operation'); update it "
                               f"inside `with minigrad.no_grad():`, or compute a new tensor (x = x + y)")
        what = f"a tensor of shape {self.shape} ({self.dtype})"
        try:
            with np.errstate(over="raise", invalid="raise", divide="raise"):
                update(self.data)
        except FloatingPointError as e:
            raise float_error(op, e, f"updating {what}") from None
        except TypeError as e:  # e.g. a float result into an integer tensor
            raise TypeError(f"{op}: cannot update {what} in place: {e}") from None
        except ValueError as e:  # shapes that do not broadcast to the tensor's
            raise ValueError(f"{op}: cannot update {what} in place: {e}") from None
        except IndexError as e:
            raise IndexError(f"{op}: {e} ({what})") from None
        return self

    def _recorded(self, other: Any) -> bool:
        """``x += w`` is computed as ``x = x + w``, which records it, when gradients are recorded and
        ``x`` is an intermediate result, or only ``w`` requires grad (``total += loss``)."""
        return grad_mode.enabled and (bool(self._parents) or not self.requires_grad
                                      and getattr(other, "requires_grad", False))

    def add_(self, other: Any, alpha: float = 1) -> Tensor:
        o = _array(other)
        return self._in_place("add_", lambda a: np.add(a, o if alpha == 1 else alpha * o, out=a))

    def sub_(self, other: Any, alpha: float = 1) -> Tensor:
        o = _array(other)
        return self._in_place("sub_", lambda a: np.subtract(a, o if alpha == 1 else alpha * o, out=a))

    def mul_(self, other: Any) -> Tensor:
        o = _array(other)
        return self._in_place("mul_", lambda a: np.multiply(a, o, out=a))

    def div_(self, other: Any) -> Tensor:
        o = _array(other)
        if not np.all(o):
            raise ZeroDivisionError(f"div_: the divisor (shape {np.shape(o)}) has zero entries")
        return self._in_place("div_", lambda a: np.divide(a, o, out=a))

    def zero_(self) -> Tensor:
        return self._in_place("zero_", lambda a: a.fill(0))

    def fill_(self, value: float) -> Tensor:
        return self._in_place("fill_", lambda a: a.fill(value))

    def normal_(self, mean: float = 0.0, std: float = 1.0) -> Tensor:
        """Entries drawn from N(mean, std²), in place (minigrad's generator)."""
        return self._in_place("normal_", lambda a: a.__setitem__(..., generator().normal(mean, std, a.shape)))

    def uniform_(self, a: float = 0.0, b: float = 1.0) -> Tensor:
        """Entries drawn uniformly from [a, b), in place (minigrad's generator)."""
        return self._in_place("uniform_", lambda x: x.__setitem__(..., generator().uniform(a, b, x.shape)))

    def copy_(self, src: Any) -> Tensor:
        """Copy ``src``'s entries into this tensor (``src`` broadcasts to its shape)."""
        s = _array(src)
        return self._in_place("copy_", lambda a: np.copyto(a, np.broadcast_to(s, a.shape), casting="same_kind"))

    def clamp_(self, min: float | None = None, max: float | None = None) -> Tensor:
        if min is None and max is None:
            raise ValueError("clamp_: give min, max or both")
        return self._in_place("clamp_", lambda a: np.clip(a, min, max, out=a))

    def __setitem__(self, index: Any, value: Any) -> None:
        """``x[index] = value``: an in-place update, under the same rule as the others."""
        parts = tuple(_array(i) for i in index) if isinstance(index, tuple) else _array(index)
        v = _array(value)
        self._in_place("x[index] = value", lambda a: a.__setitem__(parts, v))

    def requires_grad_(self, requires_grad: bool = True) -> Tensor:
        """Start (or stop) recording operations on this leaf tensor; returns it."""
        if self._parents:
            raise RuntimeError(f"requires_grad_: only a leaf tensor can change requires_grad; "
                               f"this one was computed by {self._op!r}: use .detach() first")
        if requires_grad and self.dtype.kind != "f":
            raise TypeError(f"requires_grad_: only floating-point tensors can require gradients, "
                            f"got dtype {self.dtype}")
        self.requires_grad = bool(requires_grad)
        return self

    # ``x += y`` and friends: in place, or recorded as a new tensor (see _recorded), so that the
    # gradients come out as PyTorch's do.
    def __iadd__(self, other: Any) -> Tensor:
        return self + other if self._recorded(other) else self.add_(other)

    def __isub__(self, other: Any) -> Tensor:
        return self - other if self._recorded(other) else self.sub_(other)

    def __imul__(self, other: Any) -> Tensor:
        return self * other if self._recorded(other) else self.mul_(other)

    def __itruediv__(self, other: Any) -> Tensor:
        return self / other if self._recorded(other) else self.div_(other)


def _array(x: Any) -> Any:
    """The numbers of a Tensor, array or number, for an in-place numpy call."""
    return x.data if isinstance(x, InPlaceOps) else x
