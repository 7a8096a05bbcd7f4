"""Scalar neural networks: ``Neuron``, ``Layer`` and ``MLP`` built from :class:`~minigrad.scalar.Value`.

The networks of the early chapters, one ``Value`` per weight, as in micrograd's ``nn.py``:
slow, but every multiplication and every gradient can be looked at. The tensor versions
(:mod:`minigrad.nn`) compute the same functions one array at a time.
"""

from __future__ import annotations

import random
from typing import Iterable, Sequence

from .scalar import Number, Value, weighted_sum

ACTIVATIONS = ("linear", "relu", "tanh", "sigmoid")


class Neuron:
    """One neuron: ``activation(Σ wᵢ xᵢ + b)``.

    Weights start uniform in [-1, 1] (drawn from Python's ``random``, seeded by
    :func:`minigrad.manual_seed`); the bias starts at 0.
    """

    def __init__(self, n_inputs: int, activation: str = "relu") -> None:
        if activation not in ACTIVATIONS:
            raise ValueError(f"Neuron: activation must be one of {ACTIVATIONS}, got {activation!r}")
        self.w = [Value(random.uniform(-1.0, 1.0)) for _ in range(n_inputs)]
        self.b = Value(0.0)
        self.activation = activation

    def __call__(self, x: Sequence[Value | Number]) -> Value:
        z = weighted_sum(self.w, x, self.b)
        return z if self.activation == "linear" else getattr(z, self.activation)()

    def parameters(self) -> list[Value]:
        return self.w + [self.b]

    def zero_grad(self) -> None:
        for p in self.parameters():
            p.grad = 0.0

    def __repr__(self) -> str:
        return f"Neuron({len(self.w)}, activation={self.activation!r})"


class Layer:
    """``n_outputs`` neurons that all read the same inputs."""

    def __init__(self, n_inputs: int, n_outputs: int, activation: str = "relu") -> None:
        self.neurons = [Neuron(n_inputs, activation) for _ in range(n_outputs)]

    def __call__(self, x: Sequence[Value | Number]) -> list[Value]:
        return [n(x) for n in self.neurons]

    def parameters(self) -> list[Value]:
        return [p for n in self.neurons for p in n.parameters()]

    zero_grad = Neuron.zero_grad

    def __repr__(self) -> str:
        n = self.neurons[0]
        return f"Layer({len(n.w)} -> {len(self.neurons)}, activation={n.activation!r})"


class MLP:
    """A multi-layer perceptron of scalar neurons.

    ``MLP(2, [16, 16, 1])``: 2 inputs, two hidden layers of 16 (``activation``,
    ReLU by default) and a linear output layer of 1 (``output_activation``).
    A single output is returned as a ``Value``, several as a list.
    """

    def __init__(self, n_inputs: int, sizes: Iterable[int], activation: str = "relu",
                 output_activation: str = "linear") -> None:
        sizes = list(sizes)
        if not sizes:
            raise ValueError("MLP: give at least one layer size, e.g. MLP(2, [16, 1])")
        fan_in = [n_inputs] + sizes[:-1]
        acts = [activation] * (len(sizes) - 1) + [output_activation]
        self.layers = [Layer(i, o, a) for i, o, a in zip(fan_in, sizes, acts)]

    def __call__(self, x: Sequence[Value | Number]) -> Value | list[Value]:
        for layer in self.layers:
            x = layer(x)
        return x[0] if len(x) == 1 else x

    def parameters(self) -> list[Value]:
        return [p for layer in self.layers for p in layer.parameters()]

    zero_grad = Neuron.zero_grad

    def __repr__(self) -> str:
        return "MLP(" + ", ".join(repr(layer) for layer in self.layers) + ")"
