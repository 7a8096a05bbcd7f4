"""Chapter 3 exercises: reference solutions (the book shows them in a collapsed dropdown)."""

from __future__ import annotations

import math


def perceptron_predict(weights: list[float], bias: float, x: list[float]) -> int:
    """The perceptron's output for the input ``x``: 1 if it fires, 0 if it does not."""
    z = bias
    for w_i, x_i in zip(weights, x):
        z += w_i * x_i               # the weighted sum
    return 1 if z >= 0 else 0        # fire when the threshold is reached


def perceptron_update(weights: list[float], bias: float, x: list[float], target: int,
                      lr: float) -> tuple[list[float], float]:
    """One step of Rosenblatt's rule on the example (x, target); returns (new_weights, new_bias)."""
    error = target - perceptron_predict(weights, bias, x)   # 0, +1 or -1
    # error == 0: right answer, nothing changes. +1: it should have fired, so move the
    # weights towards x. -1: it should not have fired, so move them away from x.
    new_weights = [w_i + lr * error * x_i for w_i, x_i in zip(weights, x)]
    return new_weights, bias + lr * error


def train_perceptron(X: list[list[float]], targets: list[int], epochs: int, lr: float
                     ) -> tuple[list[float], float, list[int]]:
    """Train a perceptron with Rosenblatt's rule; returns (weights, bias, mistakes)."""
    weights, bias = [0.0] * len(X[0]), 0.0
    mistakes = []
    for _ in range(epochs):
        wrong = 0
        for x, target in zip(X, targets):
            if perceptron_predict(weights, bias, x) != target:
                wrong += 1
            weights, bias = perceptron_update(weights, bias, x, target, lr)
        mistakes.append(wrong)
    return weights, bias, mistakes


def logistic_derivative(z: float) -> float:
    """The derivative of the logistic function σ(z) = 1 / (1 + e^(−z)) at z: σ(z)·(1 − σ(z))."""
    # exp of a negative number never overflows, so take e = exp(-|z|) and use whichever of the
    # two equal forms of σ needs it: 1 / (1 + e^-z) for z >= 0, e^z / (1 + e^z) for z < 0.
    e = math.exp(-abs(z))
    f = 1 / (1 + e) if z >= 0 else e / (1 + e)
    return f * (1 - f)
