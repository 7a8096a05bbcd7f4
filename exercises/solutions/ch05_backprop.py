"""Chapter 5 exercises: reference solutions (the book shows them in a collapsed dropdown)."""

from __future__ import annotations

import math
from typing import Sequence


def gradient_descent_step(w: float, b: float, xs: Sequence[float], ys: Sequence[float],
                          learning_rate: float) -> tuple[float, float]:
    """One step of gradient descent for the line y_hat = w * x + b and the mean squared error."""
    n = len(xs)
    # L = (1/N) Σ (w x + b − y)²: by the chain rule, each term contributes 2 (w x + b − y)
    # times the derivative of w x + b, which is x for w and 1 for b.
    dw = sum(2 * (w * x + b - y) * x for x, y in zip(xs, ys)) / n
    db = sum(2 * (w * x + b - y) for x, y in zip(xs, ys)) / n
    # Both slopes were computed at the old (w, b); now step downhill.
    return w - learning_rate * dw, b - learning_rate * db


def deep_delta_rule(x: Sequence[float], y: Sequence[float],
                    weights: Sequence[Sequence[Sequence[float]]],
                    biases: Sequence[Sequence[float]], learning_rate: float
                    ) -> tuple[list[list[list[float]]], list[list[float]]]:
    """The weight and bias changes of the delta rule for a tanh network of any depth."""
    # Feed forward, keeping every layer's outputs: layer l's are what flows into weights[l].
    outputs = [list(x)]
    for layer, (w, b) in enumerate(zip(weights, biases)):
        z = [sum(w_j[i] * h_i for i, h_i in enumerate(outputs[-1])) + b_j
             for w_j, b_j in zip(w, b)]
        last = layer == len(weights) - 1
        outputs.append(z if last else [math.tanh(z_j) for z_j in z])
    # Output deltas: δ_k = f'(z_k) (y_k − ŷ_k), and a linear output has f'(z) = 1.
    delta = [y_k - y_hat for y_k, y_hat in zip(y, outputs[-1])]
    dweights: list[list[list[float]]] = []
    dbiases: list[list[float]] = []
    for layer in reversed(range(len(weights))):
        h = outputs[layer]
        # Δw_ji = η δ_j h_i; a bias is the weight of an input that is always 1, so Δb_j = η δ_j.
        dweights.insert(0, [[learning_rate * d_j * h_i for h_i in h] for d_j in delta])
        dbiases.insert(0, [learning_rate * d_j for d_j in delta])
        if layer > 0:
            # δ_i = f'(z_i) Σ_j w_ji δ_j through the weights as they are now; for tanh,
            # f'(z) = 1 − tanh²(z) is read off the neuron's own output a = tanh(z).
            w = weights[layer]
            delta = [(1 - a ** 2) * sum(w[j][i] * d_j for j, d_j in enumerate(delta))
                     for i, a in enumerate(h)]
    return dweights, dbiases
