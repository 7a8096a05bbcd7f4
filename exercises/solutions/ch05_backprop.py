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


def delta_rule(x: Sequence[float], t: Sequence[float], w_hidden: Sequence[Sequence[float]],
               w_output: Sequence[Sequence[float]], learning_rate: float
               ) -> tuple[list[list[float]], list[list[float]]]:
    """The weight changes of the delta rule for a sigmoid network with one hidden layer."""
    def sigmoid(z: float) -> float:
        return 1.0 / (1.0 + math.exp(-z))

    n_hidden, n_out = len(w_output), len(t)
    # Feed forward: net_j = Σ_i o_i w_ij and o_j = f(net_j), layer by layer.
    o_hidden = [sigmoid(sum(x[i] * w_hidden[i][j] for i in range(len(x))))
                for j in range(n_hidden)]
    o_out = [sigmoid(sum(o_hidden[j] * w_output[j][k] for j in range(n_hidden)))
             for k in range(n_out)]
    # Output deltas: δ_k = f'(net_k) (t_k − o_k), with f'(net) = f(net) (1 − f(net)).
    delta_out = [o * (1 - o) * (t[k] - o) for k, o in enumerate(o_out)]
    # Hidden deltas: δ_j = f'(net_j) Σ_k δ_k w_jk, with the weights as they are now.
    delta_hidden = [o_hidden[j] * (1 - o_hidden[j])
                    * sum(delta_out[k] * w_output[j][k] for k in range(n_out))
                    for j in range(n_hidden)]
    # Weight changes: Δw_ij = L · o_i · δ_j, where o_i is what flows into the weight.
    dw_hidden = [[learning_rate * x[i] * delta_hidden[j] for j in range(n_hidden)]
                 for i in range(len(x))]
    dw_output = [[learning_rate * o_hidden[j] * delta_out[k] for k in range(n_out)]
                 for j in range(n_hidden)]
    return dw_hidden, dw_output
