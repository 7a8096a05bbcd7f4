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


def delta_rule(x: Sequence[float], y: Sequence[float], w_hidden: Sequence[Sequence[float]],
               w_output: Sequence[Sequence[float]], learning_rate: float
               ) -> tuple[list[list[float]], list[list[float]]]:
    """The weight changes of the delta rule for a sigmoid network with one hidden layer."""
    def sigmoid(z: float) -> float:
        return 1.0 / (1.0 + math.exp(-z))

    n_in, n_hidden, n_out = len(x), len(w_hidden), len(y)
    # Feed forward: z_j = Σ_i w_ji h_i and h_j = f(z_j), layer by layer.
    h = [sigmoid(sum(w_hidden[j][i] * x[i] for i in range(n_in))) for j in range(n_hidden)]
    y_hat = [sigmoid(sum(w_output[k][j] * h[j] for j in range(n_hidden))) for k in range(n_out)]
    # Output deltas: δ_k = f'(z_k) (y_k − ŷ_k), with f'(z) = f(z) (1 − f(z)).
    delta_out = [p * (1 - p) * (y[k] - p) for k, p in enumerate(y_hat)]
    # Hidden deltas: δ_j = f'(z_j) Σ_k w_kj δ_k, with the weights as they are now.
    delta_hidden = [h[j] * (1 - h[j]) * sum(w_output[k][j] * delta_out[k] for k in range(n_out))
                    for j in range(n_hidden)]
    # Weight changes: Δw_ji = η · δ_j · h_i, where h_i is what flows into the weight.
    dw_hidden = [[learning_rate * delta_hidden[j] * x[i] for i in range(n_in)]
                 for j in range(n_hidden)]
    dw_output = [[learning_rate * delta_out[k] * h[j] for j in range(n_hidden)]
                 for k in range(n_out)]
    return dw_hidden, dw_output
