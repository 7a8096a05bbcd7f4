"""Ready-made models the book uses, built only from the layers in :mod:`minigrad.nn`."""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from .. import functional as F
from ..autograd import no_grad
from ..tensor import Tensor
from .containers import Sequential
from .layers import Linear, ReLU, Sigmoid, Tanh
from .module import Module

_ACTIVATIONS = {"relu": ReLU, "sigmoid": Sigmoid, "tanh": Tanh}


class Perceptron(Module):
    """One neuron: z = Σ wᵢ xᵢ + b, then a step or a sigmoid.

    * ``activation="step"``: Rosenblatt's perceptron. It fires (outputs 1) when
      z ≥ 0, i.e. when the weighted sum reaches the threshold θ = −b.
      ``fit`` uses the perceptron rule: for each example, w ← w + η (y − ŷ) x
      and b ← b + η (y − ŷ), with the learning rate η passed as ``lr``. It
      converges when the classes are linearly separable (AND, OR) and never
      settles otherwise (XOR).
    * ``activation="sigmoid"``: the logistic neuron, σ(z) = 1 / (1 + e^(−z)),
      whose derivative is σ(1 − σ). ``fit`` runs gradient descent on the
      binary cross-entropy, through autograd.
    """

    def __init__(self, n_inputs: int, activation: str = "step") -> None:
        if activation not in ("step", "sigmoid"):
            raise ValueError(f"Perceptron: activation must be 'step' or 'sigmoid', got {activation!r}")
        self.activation = activation
        self.linear = Linear(n_inputs, 1, init="glorot")

    def forward(self, x: Any) -> Tensor:
        z = self.linear(_as_tensor(x, self.linear.weight.dtype))[..., 0]
        if self.activation == "sigmoid":
            return z.sigmoid()
        return Tensor((z.data >= 0).astype(np.float32))

    def predict(self, x: Any) -> np.ndarray:
        """0/1 decisions (a probability ≥ 0.5 counts as 1)."""
        with no_grad():
            return (self.forward(x).data >= 0.5).astype(np.int64)

    def fit(self, X: Any, y: Any, epochs: int = 20, lr: float = 0.1) -> list[float]:
        """Train; returns one number per epoch: the mistakes (step) or the mean loss (sigmoid)."""
        X = np.asarray(X, dtype=np.float32)
        y = np.asarray(y, dtype=np.float32)
        n_inputs = self.linear.in_features
        if X.ndim != 2 or X.shape[1] != n_inputs or y.shape != (len(X),):
            raise ValueError(f"Perceptron.fit: expected X (N, {n_inputs}) and y (N,), "
                             f"got {X.shape} and {y.shape}")
        if not np.isin(y, (0.0, 1.0)).all():
            raise ValueError(f"Perceptron.fit: targets must be 0 or 1, got {np.unique(y)[:6]} "
                             f"(for ±1 labels, pass (y + 1) / 2)")
        w, b = self.linear.weight, self.linear.bias
        history = []
        for _ in range(epochs):
            if self.activation == "step":
                mistakes = 0
                for xi, ti in zip(X, y):
                    error = ti - float(w.data[0] @ xi + b.data[0] >= 0)
                    w.data[0] += lr * error * xi
                    b.data[0] += lr * error
                    mistakes += error != 0
                history.append(float(mistakes))
            else:
                loss = F.binary_cross_entropy(self.forward(X), y)
                self.zero_grad()
                loss.backward()
                with no_grad():
                    w.data -= lr * w.grad.data
                    b.data -= lr * b.grad.data
                history.append(loss.item())
        return history

    def extra_repr(self) -> str:
        return f"{self.linear.in_features}, activation={self.activation!r}"


class MLP(Sequential):
    """A multi-layer perceptron: ``MLP([784, 256, 128, 10])``.

    Linear layers of the given sizes with ``activation`` between them and
    ``output_activation`` (None, "relu", "sigmoid" or "tanh") after the last.
    Layers feeding a ReLU get He initialisation, the others Glorot.
    """

    def __init__(self, sizes: Sequence[int], activation: str = "relu",
                 output_activation: str | None = None) -> None:
        sizes = list(sizes)
        if len(sizes) < 2:
            raise ValueError(f"MLP: sizes needs an input and an output size, got {sizes}")
        for name in (activation, output_activation):
            if name is not None and name not in _ACTIVATIONS:
                raise ValueError(f"MLP: activation must be one of {sorted(_ACTIVATIONS)}, got {name!r}")
        layers: list[Module] = []
        for i, (n_in, n_out) in enumerate(zip(sizes, sizes[1:])):
            act = activation if i < len(sizes) - 2 else output_activation
            layers.append(Linear(n_in, n_out, init="he" if act == "relu" else "glorot"))
            if act is not None:
                layers.append(_ACTIVATIONS[act]())
        super().__init__(*layers)


class Autoencoder(Module):
    """reconstruction = decoder(encoder(x)); ``encode`` gives the code in between."""

    def __init__(self, encoder: Module, decoder: Module) -> None:
        self.encoder, self.decoder = encoder, decoder

    def encode(self, x: Any) -> Tensor:
        return self.encoder(x)

    def decode(self, code: Any) -> Tensor:
        return self.decoder(code)

    def forward(self, x: Any) -> Tensor:
        return self.decode(self.encode(x))


def _as_tensor(x: Any, dtype: Any) -> Tensor:
    return x if isinstance(x, Tensor) else Tensor(np.asarray(x, dtype=dtype))
