"""Chapter 2 engine exercises: reference solutions (the book shows them in a collapsed dropdown).

The given part (``Value``, ``MLP``) is the stub's, unchanged: only the four functions are solved.
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


# --- the exercises, solved --------------------------------------------------------------------
def local_derivatives(op: str, a: float, b: float | None, out: float) -> tuple[float, ...]:
    """d(out)/d(operand) for each operand that is a Value: ``a``, then ``b`` for + and *."""
    if op == "+":                      # out = a + b: a nudge of either moves out as much
        return (1.0, 1.0)
    if op == "*":                      # out = a·b: each operand is scaled by the other
        return (b, a)
    if op == "**":                     # out = a^b, b a fixed number: the power rule
        return (b * a ** (b - 1),)
    if op == "exp":                    # (e^a)' = e^a, which is out itself
        return (out,)
    if op == "tanh":                   # (tanh a)' = 1 - tanh² a, from the output
        return (1.0 - out * out,)
    if op == "relu":                   # slope 1 where a > 0, 0 elsewhere (and at the kink)
        return (1.0 if a > 0 else 0.0,)
    raise ValueError(f"local_derivatives: unknown operation {op!r}")


def topological_order(root: Value) -> list[Value]:
    """Every value ``root`` was computed from, and root itself, each once, parents first."""
    # Depth-first, with a stack instead of recursion: Python stops a recursion after about
    # a thousand nested calls, and a graph is easily deeper. The stack holds the path from
    # the root, each node with an iterator over the parents it has still to visit.
    order = []
    visited = {root}                   # a node shared by two paths is visited once
    stack = [(root, iter(root.parents))]
    while stack:
        node, parents = stack[-1]
        for parent in parents:
            if parent not in visited:
                visited.add(parent)
                stack.append((parent, iter(parent.parents)))
                break                  # go deeper first; come back to node's other parents
        else:                          # every parent of node is in order: node may follow
            stack.pop()
            order.append(node)
    return order


def backward(root: Value) -> None:
    """Add d(root)/d(v) to ``v.grad`` for every value ``v`` that ``root`` was computed from."""
    order = topological_order(root)
    for node in order:                 # an intermediate gradient belongs to one pass;
        if node.parents:               # the leaves' gradients accumulate across passes
            node.grad = 0.0
    root.grad += 1.0                   # d(root)/d(root) = 1: the seed
    for node in reversed(order):       # children first: node.grad is complete when used
        for parent, local in zip(node.parents, node.local):
            parent.grad += local * node.grad   # +=: a parent may be reached by several paths


def train_moons(points: Sequence[Sequence[float]], labels: Sequence[int]) -> MLP:
    """A network trained on your engine whose score is positive for class 1 and negative for 0."""
    model = MLP([2, 16, 1], seed=0)
    examples = [([float(x1), float(x2)], 1.0 if label == 1 else -1.0)
                for (x1, x2), label in zip(points, labels)]
    order = random.Random(0)
    for epoch in range(15):
        order.shuffle(examples)
        for x, t in examples:          # one example at a time: 100 small steps per epoch
            loss = (model(x) - t) ** 2
            model.zero_grad()          # gradients accumulate: clear the last step's first
            loss.backward()
            for p in model.parameters():
                p.data -= 0.05 * p.grad   # downhill: against the gradient
    return model
