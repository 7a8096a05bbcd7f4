"""Chapter 2 exercises, part two: build the engine yourself, then train a network on it.

The ``Value`` and ``MLP`` below are given: they work like minigrad's, except that every operation
asks your ``local_derivatives`` for its local derivatives and ``backward()`` runs your
``backward``. Replace each ``raise NotImplementedError`` with your code, in order, then grade:

    pytest exercises/test_ch02_engine.py                     # feedback in English
    MINIGRAD_LANG=ca pytest exercises/test_ch02_engine.py    # comentaris en català
"""

from __future__ import annotations

import math
import random
from typing import Sequence


# --- given: a Value like minigrad's, whose operations ask your local_derivatives -------------
class Value:
    """A number that remembers how it was computed, like ``minigrad.Value``.

    ``parents`` are the values it was computed from, and ``local[i]`` is
    d(self)/d(parents[i]), given by your :func:`local_derivatives` when the operation runs.
    """

    def __init__(self, data: float, parents: tuple = (), local: tuple = (), op: str = "") -> None:
        self.data = float(data)
        self.grad = 0.0
        self.parents = parents
        self.local = local
        self.op = op

    def __add__(self, other: Value | float) -> Value:
        other = _lift(other)
        return _result("+", (self, other), other.data, self.data + other.data)

    def __mul__(self, other: Value | float) -> Value:
        other = _lift(other)
        return _result("*", (self, other), other.data, self.data * other.data)

    def __pow__(self, n: float) -> Value:  # n is a plain number: the exponent is not a node
        return _result("**", (self,), n, self.data ** n)

    def exp(self) -> Value:
        return _result("exp", (self,), None, math.exp(self.data))

    def tanh(self) -> Value:
        return _result("tanh", (self,), None, math.tanh(self.data))

    def relu(self) -> Value:
        return _result("relu", (self,), None, max(self.data, 0.0))

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
        backward(self)

    def __repr__(self) -> str:
        return f"Value(data={self.data:.6g}, grad={self.grad:.6g})"


def _lift(x: Value | float) -> Value:
    return x if isinstance(x, Value) else Value(x)


def _result(op: str, operands: tuple, b: float | None, out: float) -> Value:
    """The result of ``op``, with the local derivatives your function gives for its operands."""
    return Value(out, operands, local_derivatives(op, operands[0].data, b, out), op)


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
    """The local derivatives of one operation: d(out)/d(operand), one per operand that is a Value.

    ``op`` is "+" (out = a + b), "*" (out = a * b), "**" (out = a ** b, where the exponent b is
    a plain number, not a Value), "exp" (out = e ** a), "tanh" or "relu" (for these three b is
    None). Return a tuple: two derivatives (for a, then b) for "+" and "*", one for the others.
    ReLU's derivative at 0 is 0, as in PyTorch.
    (Les derivades locals d'una operació: una per a cada operand que és un Value.)
    """
    raise NotImplementedError("the chapter's list of local derivatives; which are quicker to get from out?")


def topological_order(root: Value) -> list[Value]:
    """Return ``root`` and every value it was computed from, each once, parents before children.

    A value's operands are in ``value.parents`` (empty for an input). Several values may share
    a parent. Use a loop with your own stack, not recursion: the grader builds a chain of 5,000
    operations, far deeper than Python allows a recursion to go.
    (Retorna root i tots els valors dels quals depèn, un cop cadascun, cada pare abans dels fills.)
    """
    raise NotImplementedError("depth-first search with a stack and a set of visited values")


def backward(root: Value) -> None:
    """Add d(root)/d(v) to ``v.grad`` for every value ``v`` that ``root`` was computed from.

    Afterwards root.grad is 1 and each value holds the derivative of root with respect to it,
    over every path that reaches it (chapter 2, "Backpropagation in topological order"). The
    inputs' gradients accumulate across calls, as in PyTorch; an intermediate value's gradient
    belongs to one pass: a second call leaves it as the first did.
    (Suma d(root)/d(v) a ``v.grad`` per a cada valor ``v`` del qual depèn root.)
    """
    raise NotImplementedError("each value must hear from all its users before it passes on")


def train_moons(points: Sequence[Sequence[float]], labels: Sequence[int]) -> MLP:
    """Train an ``MLP`` of your Values to separate the two moons, and return it.

    ``points[i]`` is a pair (x1, x2) and ``labels[i]`` its class, 0 or 1. After training,
    ``model([x1, x2]).data`` must be positive for class 1 and negative for class 0 on at least
    95% of the points, and training must take seconds, not minutes. A recipe that works:
    ``MLP([2, 16, 1])``, targets t = +1 or -1, the loss (score - t) ** 2 for one example at a
    time, and 15 passes over the shuffled points with learning rate 0.05.
    (Entrena un MLP dels teus Value per separar les dues llunes, i retorna'l.)
    """
    raise NotImplementedError("for each example: loss, zero_grad(), backward(), step downhill")
