"""The scalar engine: ``Value``, one number that remembers how it was computed.

Every operation creates a new ``Value`` holding the result, the operands it came
from (``_parents``) and the *local derivatives* d(result)/d(operand), computed
right next to the result. Backpropagation (:mod:`minigrad.autograd`) then only
multiplies and adds: ``parent.grad += local * child.grad``.

Keeping numbers instead of closures means a node never refers to itself, so
there are no reference cycles and Python frees a graph as soon as it is unused,
without waiting for the garbage collector. Networks of Values (``Neuron``, ``Layer``,
``MLP``) live in :mod:`minigrad.scalar_nn`.
"""

from __future__ import annotations

import math
import numbers
from typing import Sequence, Union

from .autograd import backpropagate

Number = Union[int, float]


class Value:
    """A scalar with a gradient.

    >>> a, b = Value(2.0, "a"), Value(-3.0, "b")
    >>> c = a * b + a            # c = ab + a
    >>> c.backward()             # dc/da = b + 1, dc/db = a
    >>> a.grad, b.grad
    (-2.0, 2.0)

    Gradients *accumulate* across ``backward()`` calls, as in PyTorch: reset
    them with ``zero_grad()`` on a scalar module, or by setting ``v.grad = 0.0``.

    A new operation is a function that builds the result with its local derivatives,
    d(result)/d(each parent); here f(v) = v³, whose derivative is 3v²:

    >>> def cube(v): return Value(v.data ** 3, parents=(v,), local=(3 * v.data ** 2,), op="cube")
    """

    __slots__ = ("data", "grad", "label", "_op", "_parents", "_local")

    def __init__(self, data: Number, label: str = "", parents: tuple = (),
                 local: tuple = (), op: str = "") -> None:
        # ``parents``, ``local`` and ``op`` record how the value was computed: the
        # operands, d(self)/d(each operand), and the operation's name. Operations
        # fill them in; a new operation can too (chapter 2 writes ``sin``).
        if type(data) is not float:
            data = _to_float(data, "Value")
        if len(parents) != len(local):
            raise ValueError(f"Value: {len(parents)} parents but {len(local)} local derivatives; "
                             f"give one d(result)/d(parent) per parent")
        self.data = data
        self.grad = 0.0
        self.label = label
        self._op = op
        self._parents = parents
        self._local = local

    # --- arithmetic: the result, then d(result)/d(each operand) -------------
    def __add__(self, other: Value | Number) -> Value:
        other = _lift(other, "+")
        return Value(self.data + other.data, "", (self, other), (1.0, 1.0), "+")

    def __sub__(self, other: Value | Number) -> Value:
        other = _lift(other, "-")
        return Value(self.data - other.data, "", (self, other), (1.0, -1.0), "-")

    def __mul__(self, other: Value | Number) -> Value:
        other = _lift(other, "*")
        return Value(self.data * other.data, "", (self, other), (other.data, self.data), "*")

    def __truediv__(self, other: Value | Number) -> Value:
        other = _lift(other, "/")
        a, b = self.data, other.data
        if b == 0.0:
            raise ZeroDivisionError(f"Value division: {a} / 0 is undefined")
        return Value(a / b, "", (self, other), (1.0 / b, -a / (b * b)), "/")

    def __pow__(self, other: Value | Number) -> Value:
        a = self.data
        b = other.data if isinstance(other, Value) else _to_float(other, "Value **")
        name = f"Value ** {'Value' if isinstance(other, Value) else f'{b:g}'}"
        if a < 0.0 and not b.is_integer():
            raise ValueError(f"{name}: a negative base ({a}) with a non-integer "
                             f"exponent ({b}) has no real result")
        if a == 0.0 and b < 0.0:
            raise ZeroDivisionError(f"{name}: zero cannot be raised to a negative power ({b})")
        try:
            out = a ** b
        except OverflowError:
            raise OverflowError(f"{name}: {a} ** {b} is too large for a float") from None
        # d(a^b)/da = b a^(b-1). Python refuses 0.0 ** negative, so at a = 0 give the
        # limits: 0 for b = 0 (a constant 1), infinite for 0 < b < 1 (like √a at 0).
        da = b * a ** (b - 1.0) if a != 0.0 or b >= 1.0 else (0.0 if b == 0.0 else math.inf)
        if not isinstance(other, Value):
            return Value(out, "", (self,), (da,), f"**{b:g}")
        # d(a^b)/db = a^b ln a exists only for a > 0. As PyTorch: 0 at a = 0 (the limit
        # from a > 0), nan for a < 0 (a^b is real only at integer b: no slope in b).
        db = out * math.log(a) if a > 0.0 else (0.0 if a == 0.0 else math.nan)
        return Value(out, "", (self, other), (da, db), "**")

    def __neg__(self) -> Value:
        return Value(-self.data, "", (self,), (-1.0,), "neg")

    def __radd__(self, other: Number) -> Value:
        return self + other

    def __rmul__(self, other: Number) -> Value:
        return self * other

    def __rsub__(self, other: Number) -> Value:
        return _lift(other, "-") - self

    def __rtruediv__(self, other: Number) -> Value:
        return _lift(other, "/") / self

    def __rpow__(self, other: Number) -> Value:
        return _lift(other, "**") ** self

    # --- functions -----------------------------------------------------------
    def exp(self) -> Value:
        try:
            out = math.exp(self.data)
        except OverflowError:  # above about 709.78, e^x exceeds the largest float
            raise OverflowError(f"Value.exp: exp({self.data}) is too large for a float") from None
        return Value(out, "", (self,), (out,), "exp")          # (e^x)' = e^x

    def log(self) -> Value:
        if self.data <= 0.0:
            raise ValueError(f"Value.log: the logarithm needs a positive number, got {self.data}")
        return Value(math.log(self.data), "", (self,), (1.0 / self.data,), "log")

    def tanh(self) -> Value:
        t = math.tanh(self.data)
        return Value(t, "", (self,), (1.0 - t * t,), "tanh")    # (tanh)' = 1 - tanh²

    def sigmoid(self) -> Value:
        x = self.data
        # Two algebraically equal forms, each used where exp() cannot overflow.
        s = 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))
        return Value(s, "", (self,), (s * (1.0 - s),), "sigmoid")  # σ' = σ(1-σ)

    def relu(self) -> Value:
        x = self.data
        return Value(x if x > 0.0 else 0.0, "", (self,), (1.0 if x > 0.0 else 0.0,), "relu")

    # --- backpropagation -----------------------------------------------------
    def backward(self) -> None:
        """Add d(self)/d(v) to ``v.grad`` for every ``v`` this value was computed from."""
        backpropagate(self, 1.0)

    @classmethod
    def _begin_backward(cls, order: list) -> None:
        # Intermediate gradients belong to one pass; leaves keep accumulating.
        for node in order:
            if node._parents:
                node.grad = 0.0

    def _accumulate(self, grad: float) -> None:
        self.grad += grad

    def _propagate(self) -> None:
        g = self.grad
        for parent, local in zip(self._parents, self._local):
            parent.grad += local * g

    def __repr__(self) -> str:
        label = f", label={self.label!r}" if self.label else ""
        return f"Value(data={self.data:.6g}, grad={self.grad:.6g}{label})"


def weighted_sum(weights: Sequence[Value], inputs: Sequence[Value | Number],
                 bias: Value | None = None) -> Value:
    """z = Σᵢ wᵢ xᵢ + b as a single node (the perceptron's weighted sum).

    One node instead of 2n keeps the graph small: dz/dwᵢ = xᵢ, dz/dxᵢ = wᵢ,
    dz/db = 1. Plain numbers among the inputs are constants and get no gradient.
    """
    if len(weights) != len(inputs):
        raise ValueError(f"weighted_sum: {len(weights)} weights but {len(inputs)} inputs")
    total = bias.data if bias is not None else 0.0
    parents, local = [], []
    for w, x in zip(weights, inputs):
        if isinstance(x, Value):
            total += w.data * x.data
            parents += (w, x)
            local += (x.data, w.data)
        else:
            x = _to_float(x, "weighted_sum")
            total += w.data * x
            parents.append(w)
            local.append(x)
    if bias is not None:
        parents.append(bias)
        local.append(1.0)
    return Value(total, "", tuple(parents), tuple(local), "Σwx+b" if bias is not None else "Σwx")


def _to_float(x: object, op: str) -> float:
    if type(x) is float:  # the common case, without the slower abstract-class check below
        return x
    if isinstance(x, numbers.Real):
        return float(x)
    raise TypeError(f"{op}: expected a real number, got {x!r} of type {type(x).__name__}")


def _lift(x: object, op: str) -> Value:
    return x if isinstance(x, Value) else Value(_to_float(x, f"Value {op}"))
