"""Chapter 2 exercises, part two: build the engine yourself, then differentiate a loss with it.

The ``Value`` and ``MLP`` below are given: they work like minigrad's, except that the operations
whose local derivatives the chapter does not give ask your ``local_derivatives`` for them, and
``backward()`` is made of your ``levels`` and ``gradients``. Replace each
``raise NotImplementedError`` with your code, in order, then grade:

    pytest exercises/test_ch02_engine.py                     # feedback in English
    MINIGRAD_LANG=ca pytest exercises/test_ch02_engine.py    # comentaris en català
"""

from __future__ import annotations

import math
import random
from typing import Sequence


# --- given: a Value like minigrad's, built on your local_derivatives, levels and gradients --
class Value:
    """A number that remembers how it was computed, like ``minigrad.Value``.

    ``parents`` are the values it was computed from, and ``local[i]`` is
    d(self)/d(parents[i]), computed when the operation runs: by the given code for the
    chapter's operations, by your :func:`local_derivatives` for the others.
    """

    def __init__(self, data: float, parents: tuple = (), local: tuple = (), op: str = "") -> None:
        self.data = float(data)
        self.grad = 0.0
        self.parents = parents
        self.local = local
        self.op = op

    # The chapter's operations, with the local derivatives it gives, as minigrad computes them.
    def __add__(self, other: Value | float) -> Value:
        other = _lift(other)
        return Value(self.data + other.data, (self, other), (1.0, 1.0), "+")

    def __mul__(self, other: Value | float) -> Value:
        other = _lift(other)
        return Value(self.data * other.data, (self, other), (other.data, self.data), "*")

    def __pow__(self, other: Value | float) -> Value:
        if isinstance(other, Value):  # the exponent is a value too: your "**"
            return _result("**", (self, other), self.data ** other.data)
        # A plain-number exponent is not a node: the chapter's power rule.
        return Value(self.data ** other, (self,), (other * self.data ** (other - 1),), "**")

    def relu(self) -> Value:
        return Value(max(self.data, 0.0), (self,), (1.0 if self.data > 0 else 0.0,), "relu")

    # Operations whose local derivatives the chapter does not give: your local_derivatives.
    def hypot(self, other: Value | float) -> Value:
        other = _lift(other)
        return _result("hypot", (self, other), math.hypot(self.data, other.data))

    def softplus(self) -> Value:
        a = self.data  # ln(1 + e^a), written so that e^a cannot overflow
        return _result("softplus", (self,), max(a, 0.0) + math.log1p(math.exp(-abs(a))))

    def silu(self) -> Value:
        return _result("silu", (self,), self.data / (1.0 + math.exp(-self.data)))

    # Everything else is made of the operations above.
    __radd__ = __add__
    __rmul__ = __mul__

    def __neg__(self) -> Value:
        return self * -1.0

    def __sub__(self, other: Value | float) -> Value:
        return self + (-other)

    def __rsub__(self, other: float) -> Value:
        return (-self) + other

    def __truediv__(self, other: Value | float) -> Value:
        return self * other ** -1.0

    def backward(self) -> None:
        """Add d(self)/d(v) to ``v.grad`` for every value ``v`` that self was computed from.

        Made of your :func:`levels` and :func:`gradients`. As in minigrad and PyTorch, an
        input's gradient accumulates across calls, and an intermediate value's belongs to one pass.
        """
        values = [v for level in levels(self) for v in level]
        for v, g in zip(values, gradients(self, values)):
            v.grad = v.grad + g if not v.parents else g

    def __repr__(self) -> str:
        return f"Value(data={self.data:.6g}, grad={self.grad:.6g})"


def _lift(x: Value | float) -> Value:
    return x if isinstance(x, Value) else Value(x)


def _result(op: str, operands: tuple, out: float) -> Value:
    """The result of ``op``, with the local derivatives your function gives for its operands."""
    a, b = operands[0].data, operands[1].data if len(operands) == 2 else None
    return Value(out, operands, local_derivatives(op, a, b, out), op)


class MLP:
    """A multi-layer perceptron of your Values: ReLU hidden layers and one linear output.

    ``MLP([2, 16, 1])``: 2 inputs, 16 hidden neurons, 1 output; weights start uniform in
    [-1, 1] (from ``seed``), biases at 0. ``model([x1, x2])`` returns the score, a ``Value``.
    """

    def __init__(self, sizes: Sequence[int], seed: int = 0) -> None:
        rng = random.Random(seed)
        self.layers = [[([Value(rng.uniform(-1.0, 1.0)) for _ in range(n_in)], Value(0.0))
                        for _ in range(n_out)] for n_in, n_out in zip(sizes, sizes[1:])]

    def __call__(self, x: Sequence[float]) -> Value:
        for depth, layer in enumerate(self.layers):
            x = [sum((w * xi for w, xi in zip(weights, x)), bias) for weights, bias in layer]
            if depth < len(self.layers) - 1:
                x = [v.relu() for v in x]
        return x[0]

    def parameters(self) -> list[Value]:
        return [p for layer in self.layers for weights, bias in layer for p in [*weights, bias]]

    def zero_grad(self) -> None:
        for p in self.parameters():
            p.grad = 0.0


# --- your part ----------------------------------------------------------------------------
def local_derivatives(op: str, a: float, b: float | None, out: float) -> tuple[float, ...]:
    """The local derivatives of one operation: d(out)/d(operand), one per operand.

    The chapter's list does not give these four; derive each from the rules it does give.
    ``op`` is "**" (out = a ** b, where the exponent b is a Value too, and a > 0), "hypot"
    (out = sqrt(a ** 2 + b ** 2), the length of the vector (a, b), not (0, 0)), "softplus"
    (out = ln(1 + e ** a)) or "silu" (out = a * sigmoid(a)); for the last two b is None. Return
    a tuple: two derivatives (for a, then b) for "**" and "hypot", one for the others.
    (Les derivades locals d'una operació que el capítol no dona: dedueix-les de les seves regles.)
    """
    raise NotImplementedError("b varies: which rule of the list has a variable exponent? which use out?")


def levels(root: Value) -> list[list[Value]]:
    """Return ``root`` and every value it was computed from, grouped by level.

    A value's operands are in ``value.parents``; a leaf (an input) has none. The leaves are on
    level 0, and every other value is on level 1 + the highest level among its parents. Return
    a list of lists: ``result[k]`` holds the values of level k, each value once, in any order
    inside its level. Several values may share a parent, and the grader builds a graph with
    about 10**12 paths from the root to one input and a chain of 5,000 operations, far deeper
    than Python allows a recursion to go.
    (Retorna root i tots els valors dels quals s'ha calculat, agrupats per nivells.)
    """
    raise NotImplementedError("a value's level needs its parents' levels: which order gives them?")


def gradients(root: Value, inputs: Sequence[Value]) -> list[float]:
    """Return d(root)/d(v) for each ``v`` of ``inputs``, in their order, changing no ``.grad``.

    Like ``torch.autograd.grad``: the gradients are returned, not stored. An input may be any
    value of the graph, root itself included, or a value that root was not computed from. Your
    :func:`levels` gives the values of the graph (when this exercise is graded alone, the
    grader gives it its own).
    (Retorna d(root)/d(v) per a cada v d'inputs, sense canviar cap .grad.)
    """
    raise NotImplementedError("one dict from value to gradient; when is a value's entry complete?")


def loss_gradient(model: MLP, points: Sequence[Sequence[float]],
                  labels: Sequence[int]) -> tuple[float, list[float]]:
    """Return the loss of ``model`` on the points and its gradient, computed with your engine.

    ``points[i]`` is a pair (x1, x2) and ``labels[i]`` its class, 0 or 1; t_i (a local name
    for the label y_i as a sign) is +1 for class 1 and -1 for class 0. The loss is the mean over
    the N points of ``(-t_i * model(points[i])).softplus()``. Return ``(loss, grads)``: the
    loss as a float, and the list of d(loss)/d(p) for every p of ``model.parameters()``, in
    that order. Change no parameter's ``data``; calling it again gives the same numbers.
    (Retorna la pèrdua de model amb els punts i el seu gradient, calculat amb el teu motor.)
    """
    raise NotImplementedError("one Value for the whole loss; what did an earlier call leave?")
