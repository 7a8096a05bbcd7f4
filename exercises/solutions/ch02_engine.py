"""Chapter 2 engine exercises: reference solutions (the book shows them in a collapsed dropdown).

The given part (``Value``, ``MLP``) is the stub's, unchanged: only the four functions are solved.
"""

from __future__ import annotations

import math
import random
from typing import Sequence


# --- given: a Value like minigrad's, built on your local_derivatives, levels and gradients --
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


def levels(root: Value) -> list[list[Value]]:
    """``root`` and every value it was computed from, grouped by level, leaves first."""
    # A value's level needs the levels of all its parents first. A value waits on its own
    # stack (not in a recursion: Python stops one after about a thousand nested calls) until
    # its parents have theirs; the dict remembers every level found, so that a value shared
    # by many paths is worked out once.
    level: dict[Value, int] = {}
    stack = [root]
    while stack:
        node = stack[-1]
        if node in level:              # done meanwhile, through another of its children
            stack.pop()
            continue
        waiting = [p for p in node.parents if p not in level]
        if waiting:
            stack.extend(waiting)      # come back to node once these have their levels
        else:
            stack.pop()
            level[node] = 1 + max((level[p] for p in node.parents), default=-1)
    grouped: list[list[Value]] = [[] for _ in range(level[root] + 1)]
    for node, k in level.items():
        grouped[k].append(node)
    return grouped


def gradients(root: Value, inputs: Sequence[Value]) -> list[float]:
    """d(root)/d(v) for each ``v`` of ``inputs``, kept in a dict instead of in ``.grad``."""
    grad = {root: 1.0}                 # d(root)/d(root) = 1: the seed
    # Every user of a value is on a higher level: going down from root's level, a value's
    # gradient has heard from all its users before the value passes it on.
    for level in reversed(levels(root)):
        for node in level:
            for parent, local in zip(node.parents, node.local):
                # Several paths may reach a parent: their contributions add up.
                grad[parent] = grad.get(parent, 0.0) + local * grad[node]
    return [grad.get(v, 0.0) for v in inputs]   # root was not computed from v: it does not move


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
