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


# --- the exercises, solved --------------------------------------------------------------------
def local_derivatives(op: str, a: float, b: float | None, out: float) -> tuple[float, ...]:
    """The local derivatives of one operation: d(out)/d(operand), one per operand.

    The chapter's list does not give these four; derive each from the rules it does give.
    ``op`` is "**" (out = a ** b, where the exponent b is a Value too, and a > 0), "hypot"
    (out = sqrt(a ** 2 + b ** 2), the length of the vector (a, b), not (0, 0)), "softplus"
    (out = ln(1 + e ** a)) or "silu" (out = a * sigmoid(a)); for the last two b is None. Return
    a tuple: two derivatives (for a, then b) for "**" and "hypot", one for the others.
    (Les derivades locals d'una operació que el capítol no dona: dedueix-les de les seves regles.)
    """
    if op == "**":                     # a^b = e^(b ln a): for b, the exponential's rule
        return (b * a ** (b - 1), out * math.log(a))
    if op == "hypot":                  # chain rule: 1 / (2 sqrt(u)) times du/da = 2a
        return (a / out, b / out)
    if op == "softplus":               # e^a / (1 + e^a) = sigmoid(a); e^out = 1 + e^a
        return (1.0 - math.exp(-out),)
    if op == "silu":                   # product rule: sigmoid(a) + a sigmoid(a) (1 - sigmoid(a))
        sigmoid = 1.0 / (1.0 + math.exp(-a))
        return (sigmoid + out * (1.0 - sigmoid),)
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


def loss_gradient(model: MLP, points: Sequence[Sequence[float]],
                  labels: Sequence[int]) -> tuple[float, list[float]]:
    """The mean softplus loss of ``model`` on the points, and its gradient, from your engine."""
    loss = 0.0
    for (x1, x2), label in zip(points, labels):
        t = 1.0 if label == 1 else -1.0           # the class as a sign
        loss = loss + (-t * model([float(x1), float(x2)])).softplus()
    loss = loss * (1.0 / len(points))              # one Value: the whole loss
    model.zero_grad()            # gradients accumulate: clear what an earlier call left
    loss.backward()
    return loss.data, [p.grad for p in model.parameters()]
