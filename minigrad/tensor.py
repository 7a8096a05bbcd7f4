"""The tensor engine: ``Tensor``, a numpy array that remembers how it was computed.

Same idea as the scalar :class:`~minigrad.scalar.Value`, one array at a time.
Each operation computes its result with numpy and records a small *backward*
function next to it: given dL/d(result), it returns dL/d(each input). The
functions capture input arrays, never the result ``Tensor``, so a graph has no
reference cycles and is freed as soon as it is no longer used.
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from .allocator import product
from .autograd import GradFn, backpropagate, grad_mode
from .elementwise import tensor_power
from .conversions import ConversionOps, check_device
from .dtypes import DEFAULT_FLOAT, as_dtype, floating
from .elementwise import ElementwiseOps
from .inplace import InPlaceOps
from .reductions import ReductionOps
from .reshaping import ReshapingOps
from .shapes import broadcasting, unbroadcast
from .stable import float_error


def _released(grad: np.ndarray) -> tuple:
    """The backward of a node freed by backward(): a marker ``Tensor._begin_backward`` refuses."""
    raise RuntimeError("backward: this part of the graph was freed by an earlier backward()")


class Tensor(ElementwiseOps, ReductionOps, ReshapingOps, ConversionOps, InPlaceOps):
    """An n-dimensional array with automatic differentiation.

    ``Tensor([[1.0, 2.0], [3.0, 4.0]])`` is float32 (Python floats default to float32,
    as in PyTorch); a float64 numpy array stays float64; integer data stays integer
    and cannot require a gradient (``Tensor([1, 2]) * 0.5`` is float32, not truncated
    to integers). After ``loss.backward()``, every tensor created with
    ``requires_grad=True`` holds dloss/dtensor in ``.grad``, a tensor of its shape.
    Gradients accumulate until set back to ``None`` (``optimizer.zero_grad()``).

    The operations are grouped by concept: arithmetic and comparisons here, the
    element-wise functions in :mod:`minigrad.elementwise`, reductions in
    :mod:`minigrad.reductions`, reshaping and indexing in :mod:`minigrad.reshaping`,
    conversions in :mod:`minigrad.conversions`, in-place updates in :mod:`minigrad.inplace`.
    Each operation computes its result and hands :meth:`from_op` the backward that maps
    dL/d(result) to dL/d(each input).
    """

    # The gradient is kept as a numpy array (``_grad``), which the engine adds to; ``.grad``
    # wraps it in a Tensor only when asked for.
    __slots__ = ("data", "_grad", "requires_grad", "label", "_parents", "_backward", "_op")
    __hash__ = object.__hash__  # == compares entries; the graph's sets need identity

    def __init__(self, data: Any, requires_grad: bool = False, dtype: Any = None,
                 label: str = "", device: Any = None) -> None:
        check_device(device)
        if isinstance(data, Tensor):
            data = data.data
        if dtype is not None:
            dtype = as_dtype(dtype)
        elif not isinstance(data, np.ndarray | np.generic):
            data = np.asarray(data)
            dtype = DEFAULT_FLOAT if data.dtype.kind == "f" or data.dtype == object else None
        if dtype is None:
            self.data = np.asarray(data)
        else:
            with np.errstate(over="raise"):
                try:
                    self.data = np.array(data, dtype=dtype)
                except FloatingPointError:
                    raise OverflowError(f"Tensor: values up to {np.max(np.abs(data)):.4g} do not fit "
                                        f"{dtype}; pass dtype=minigrad.float64") from None
        if self.data.dtype.kind not in "fiub":
            raise TypeError(f"Tensor: unsupported data of dtype {self.data.dtype}")
        if requires_grad and self.data.dtype.kind != "f":
            raise TypeError(f"Tensor: only floating-point tensors can require gradients, "
                            f"got dtype {self.data.dtype}")
        self._grad: np.ndarray | None = None
        self.requires_grad = requires_grad
        self.label = label
        self._parents: tuple = ()
        self._backward: Callable | None = None
        self._op = ""

    @property
    def grad_fn(self) -> GradFn | None:
        """None for a leaf (or a result computed without gradients), else the operation that
        made this tensor, as PyTorch's ``grad_fn`` (its repr names the op: ``<AddBackward0>``)."""
        return GradFn(self._op) if self._backward is not None else None

    @property
    def grad(self) -> Tensor | None:
        """dL/d(self) after ``L.backward()``, as a tensor of ``self``'s shape (None before).

        It shares memory with the gradient the engine accumulates into, so
        ``p.grad.zero_()`` and ``np.asarray(p.grad)`` see the same numbers.
        """
        return None if self._grad is None else Tensor.from_op(self._grad, (), None, "grad")

    @grad.setter
    def grad(self, value: Any) -> None:
        if value is not None:
            value = value.data if isinstance(value, Tensor) else np.asarray(value)
            if value.shape != self.data.shape:
                raise ValueError(f"grad: assigned a gradient of shape {value.shape} to a tensor "
                                 f"of shape {self.data.shape}")
        self._grad = value

    # --- backpropagation -------------------------------------------------------
    def backward(self, grad: Any = None, retain_graph: bool = False) -> None:
        """Accumulate d(self)/d(leaf) into ``leaf.grad`` for every leaf that requires grad.

        ``grad`` is the seed d(L)/d(self); it may be omitted only for a one-element
        tensor (the seed is then 1). The graph is freed afterwards unless
        ``retain_graph=True``, so memory stays flat over many training steps.
        """
        if not self.requires_grad:
            raise RuntimeError("backward: this tensor does not require grad; create the "
                               "inputs with requires_grad=True (and outside no_grad())")
        if grad is None:
            if self.data.size != 1:
                raise RuntimeError(f"backward: output has shape {self.shape}; pass grad= of that "
                                   f"shape, or reduce it to a scalar first (e.g. .sum() or .mean())")
            seed = np.ones_like(self.data)
        else:
            seed = np.array(grad.data if isinstance(grad, Tensor) else grad, dtype=self.data.dtype)
            if seed.shape != self.shape:
                raise ValueError(f"backward: grad has shape {seed.shape}, the tensor {self.shape}")
        # A gradient that overflows or is undefined stops the pass with the op's name
        # (see _propagate) instead of spreading inf and nan through the graph.
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            order = backpropagate(self, seed)
        if not retain_graph:
            for node in order:
                if node._parents:
                    node._parents, node._backward = (), _released

    @classmethod
    def _begin_backward(cls, order: list) -> None:
        for node in order:
            # A freed node has no parents left and would pass for a constant: the gradient
            # would silently stop there. Refuse, as PyTorch does.
            if node._backward is _released:
                raise RuntimeError(f"backward: the graph through {node._op!r} (shape {node.shape}) was freed "
                                   f"by an earlier backward(); use backward(retain_graph=True) to go twice")
            if node._parents:  # a pass interrupted by an error may have left some behind
                node._grad = None

    def _accumulate(self, g: np.ndarray, owned: bool = False) -> None:
        """Add ``g`` to ``self.grad``; ``owned``: nothing else refers to ``g``."""
        if g.dtype != self.data.dtype:
            g, owned = g.astype(self.data.dtype), True
        if self._grad is None:
            # A leaf's grad is its own array (the optimiser and the learner may
            # modify it): copied unless owned. An intermediate grad is read once and dropped.
            self._grad = g if owned or self._parents else g.copy()
        elif self._parents:
            self._grad = self._grad + g
        else:
            self._grad += g

    def _propagate(self) -> None:
        incoming = self._grad
        try:
            grads = self._backward(incoming)
        except FloatingPointError as e:
            raise float_error(f"backward of {self._op!r}", e, f"for a result of shape {self.shape}") from None
        self._grad = None  # an intermediate gradient is needed only once
        for k, (parent, g) in enumerate(zip(self._parents, grads)):
            if g is None or not parent.requires_grad:
                continue
            if g.shape != parent.data.shape:
                # The input was broadcast in the forward pass: each copy of an entry received a
                # gradient, and the copies' gradients add up. The sum is a new array, the parent's.
                try:
                    g, owned = unbroadcast(g, parent.data.shape), True
                except ValueError:  # caught here, next to the op that made it
                    raise ValueError(f"backward of {self._op!r}: the gradient for input {k} has shape "
                                     f"{g.shape}, but that input has shape {parent.data.shape}") from None
            else:
                # A backward returns new arrays, or its incoming gradient and views of it. A new
                # array (not a view) given to one parent only is that parent's to keep.
                owned = g is not incoming and g.base is None and sum(g is h for h in grads) == 1
            parent._accumulate(g, owned and not parent._parents)  # only leaves keep theirs

    @classmethod
    def from_op(cls, data: Any, parents: tuple, backward: Callable, op: str) -> Tensor:
        """The result of an operation: ``data``, recorded in the graph if an input requires grad.

        ``parents`` are the input tensors; ``backward(g)`` receives dL/d(result) (an array of
        the result's shape) and returns one gradient per parent, in order: an array of that
        input's shape, or of the shape it was broadcast to (the engine sums it back), or None
        when that input gets none. ``op`` names the operation in errors and graph drawings.
        Capture input *arrays* in ``backward``, never the result tensor. The way to add an
        operation of your own, as ``Value(data, parents=, local=, op=)`` is for scalars::

            def sin(x: Tensor) -> Tensor:
                a = x.data
                return Tensor.from_op(np.sin(a), (x,), lambda g: (g * np.cos(a),), "sin")
        """
        out = cls.__new__(cls)
        out.data = data if type(data) is np.ndarray else np.asarray(data)
        out._grad, out.label, out._op = None, "", op
        if grad_mode.enabled and any(p.requires_grad for p in parents):
            out.requires_grad, out._parents, out._backward = True, parents, backward
        else:
            out.requires_grad, out._parents, out._backward = False, (), None
        return out

    # --- arithmetic: result, then the backward that maps dL/dout to dL/dinputs --
    def __add__(self, other: Any) -> Tensor:
        left, right = _operands(self, other)
        return Tensor.from_op(broadcasting(np.add, left.data, right.data, "+"), (left, right),
                              lambda g: (g, g), "+")

    def __sub__(self, other: Any) -> Tensor:
        left, right = _operands(self, other)
        return Tensor.from_op(broadcasting(np.subtract, left.data, right.data, "-"), (left, right),
                              lambda g: (g, -g), "-")

    def __mul__(self, other: Any) -> Tensor:
        left, right = _operands(self, other)
        x, y = left.data, right.data
        return Tensor.from_op(broadcasting(np.multiply, x, y, "*"), (left, right),
                              lambda g: (g * y, g * x), "*")

    def __truediv__(self, other: Any) -> Tensor:
        left, right = _operands(self, other)
        x, y = floating(left.data), floating(right.data)  # 7 / 2 is 3.5, in float32
        if not np.all(y):
            raise ZeroDivisionError(f"/: the divisor (shape {y.shape}) has {y.size - np.count_nonzero(y)} "
                                    f"zero entries")
        out = broadcasting(np.divide, x, y, "/")
        # d(x/y)/dy = −x/y² = −out/y: no y², which a tiny y would underflow to 0
        return Tensor.from_op(out, (left, right), lambda g: (g / y, -g * out / y), "/")

    def __pow__(self, n: float | Tensor) -> Tensor:
        """xⁿ for a number n; d(xⁿ)/dx = n·xⁿ⁻¹ (0 for n = 0, even at x = 0, as in PyTorch).
        A tensor ``n`` broadcasts with x: see :func:`~minigrad.elementwise.tensor_power`."""
        if isinstance(n, Tensor):
            return tensor_power(self, n)
        if isinstance(n, bool) or not isinstance(n, (int, float, np.integer, np.floating)):
            raise TypeError(f"Tensor ** {type(n).__name__}: only a number exponent is supported")
        x = self.data
        whole = float(n).is_integer()
        if x.dtype.kind != "f" and (not whole or n < 0):
            if not whole:
                x = floating(x)  # an integer tensor to a fractional power: float32
            else:
                raise ValueError(f"Tensor ** {n}: integer tensors cannot be raised to a negative "
                                 f"power (as in PyTorch); convert with .float() first")
        if n < 0 and np.any(x == 0):
            raise ValueError(f"Tensor ** {n}: zero raised to a negative power")
        if not whole and np.any(x < 0):
            raise ValueError(f"Tensor ** {n}: negative entries (min {x.min()}) with a "
                             f"non-integer exponent have no real result")
        out = broadcasting(np.power, x, np.asarray(n, dtype=x.dtype), f"**{n:g}")
        if n == 0:
            return Tensor.from_op(out, (self,), lambda g: (np.zeros_like(x),), "**0")
        return Tensor.from_op(out, (self,), lambda g: (g * n * x ** (n - 1),), f"**{n:g}")

    def pow(self, exponent: float) -> Tensor:
        return self ** exponent

    def __neg__(self) -> Tensor:
        return Tensor.from_op(-self.data, (self,), lambda g: (-g,), "neg")

    def __radd__(self, other: Any) -> Tensor:
        return self + other

    def __rmul__(self, other: Any) -> Tensor:
        return self * other

    def __rsub__(self, other: Any) -> Tensor:
        right, left = _operands(self, other)
        return left - right

    def __rtruediv__(self, other: Any) -> Tensor:
        right, left = _operands(self, other)
        return left / right

    def __matmul__(self, other: Any) -> Tensor:
        return matmul(*_operands(self, other))

    def __rmatmul__(self, other: Any) -> Tensor:
        right, left = _operands(self, other)
        return matmul(left, right)

    def matmul(self, other: Any) -> Tensor:
        return self @ other

    def mul(self, other: Any) -> Tensor:
        return self * other

    def mm(self, other: Any) -> Tensor:
        """The product of two matrices (2-D only, as in PyTorch; :meth:`matmul` takes any rank)."""
        if self.ndim != 2 or getattr(other, "ndim", None) != 2:
            raise ValueError(f"mm: expects two matrices, got shapes {self.shape} and {np.shape(other)}; "
                             f"use matmul (or @) for other ranks")
        return self @ other

    # --- comparisons: bool tensors, entry by entry, with no gradient (a step has none) ----------
    def _compare(self, fn: Callable, other: Any, op: str) -> Tensor:
        left, right = _operands(self, other)
        return Tensor(broadcasting(fn, left.data, right.data, op))

    def __eq__(self, other: Any) -> Tensor:  # type: ignore[override]
        return self._compare(np.equal, other, "==")

    def __ne__(self, other: Any) -> Tensor:  # type: ignore[override]
        return self._compare(np.not_equal, other, "!=")

    def __lt__(self, other: Any) -> Tensor:
        return self._compare(np.less, other, "<")

    def __le__(self, other: Any) -> Tensor:
        return self._compare(np.less_equal, other, "<=")

    def __gt__(self, other: Any) -> Tensor:
        return self._compare(np.greater, other, ">")

    def __ge__(self, other: Any) -> Tensor:
        return self._compare(np.greater_equal, other, ">=")

    eq, ne, lt, le, gt, ge = __eq__, __ne__, __lt__, __le__, __gt__, __ge__


def _operands(t: Tensor, x: Any) -> tuple[Tensor, Tensor]:
    """``t`` and the other operand ``x`` of ``+ - * / @``, both as tensors (``t`` first).

    A Python number takes a floating tensor's dtype (``float32 * 2.5`` stays float32); an int
    with an integer tensor stays integer; a float with an integer or bool tensor makes both
    float32, as in PyTorch (numpy would truncate it, or go to float64; the integer tensor
    cannot require grad, so nothing is lost). Arrays keep their dtype, under numpy's rules.
    """
    if isinstance(x, Tensor):
        a, b = t.data.dtype, x.data.dtype
        if a != b and (a.kind == "f") != (b.kind == "f"):
            # An integer tensor with a floating one takes its dtype, as in PyTorch (numpy
            # would make int64 with float32 float64).
            return (t, Tensor(x.data.astype(a))) if a.kind == "f" else (Tensor(t.data.astype(b)), x)
        return t, x
    if isinstance(x, bool) or not isinstance(x, (int, float, np.ndarray, np.generic, list, tuple)):
        raise TypeError(f"Tensor: cannot combine a Tensor with {type(x).__name__} {x!r}")
    if not isinstance(x, (int, float)):
        return t, Tensor(x)
    if isinstance(x, float) and t.dtype.kind != "f":
        return Tensor(t.data.astype(DEFAULT_FLOAT)), Tensor(x)
    # An int with a bool tensor: numpy's default integer, as True + 1 is 2.
    return t, Tensor(x, dtype=t.dtype if t.dtype.kind != "b" else np.int64)


def matmul(a: Tensor, b: Tensor) -> Tensor:
    """Matrix product ``a @ b`` for 1-D, 2-D and batched (N-D) operands, numpy rules.

    For 2-D operands: out = a b, dL/da = g bᵀ, dL/db = aᵀ g. A 1-D operand is
    treated as a row (left) or a column (right) and the extra axis removed
    afterwards; batch axes broadcast.
    """
    x, y = a.data, b.data
    k_left = x.shape[-1] if x.ndim else None
    k_right = (y.shape[-2] if y.ndim > 1 else y.shape[0]) if y.ndim else None
    if x.ndim == 0 or y.ndim == 0 or k_left != k_right:
        raise ValueError(f"matmul: shapes {x.shape} and {y.shape} are not aligned "
                         f"(inner dimensions {k_left} and {k_right} must be equal)")
    x2 = x[None, :] if x.ndim == 1 else x
    y2 = y[:, None] if y.ndim == 1 else y
    try:
        out2 = product(x2, y2)
    except ValueError:
        raise ValueError(f"matmul: batch shapes of {x.shape} and {y.shape} cannot be broadcast") from None
    out = out2
    if x.ndim == 1:
        out = out.squeeze(-2)
    if y.ndim == 1:
        out = out.squeeze(-1)

    def backward(g: np.ndarray) -> tuple:  # batch axes that were broadcast are summed by the engine
        g2 = g.reshape(out2.shape)
        ga = gb = None  # skip the products nobody needs (e.g. dL/d(input batch))
        if a.requires_grad:
            ga = product(g2, np.swapaxes(y2, -1, -2))
            ga = ga[..., 0, :] if x.ndim == 1 else ga  # drop the row axis a 1-D ``a`` was given
        if b.requires_grad:
            gb = product(np.swapaxes(x2, -1, -2), g2)
            gb = gb[..., 0] if y.ndim == 1 else gb     # and the column axis of a 1-D ``b``
        return ga, gb
    return Tensor.from_op(out, (a, b), backward, "@")
