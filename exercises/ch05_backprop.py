"""Chapter 5 exercises: gradient descent and backpropagation.

Replace each ``raise NotImplementedError`` with your code, then grade your work:

    pytest exercises/test_ch05_backprop.py                     # feedback in English
    MINIGRAD_LANG=ca pytest exercises/test_ch05_backprop.py    # comentaris en català
"""

from __future__ import annotations

import math  # math.tanh will be useful
from typing import Sequence


def gradient_descent_step(w: float, b: float, xs: Sequence[float], ys: Sequence[float],
                          learning_rate: float) -> tuple[float, float]:
    """One step of gradient descent for the line y_hat = w * x + b and the mean squared error.

    The loss is L = (1/N) * sum over the N examples of (w * x + b - y) ** 2. Compute dL/dw and
    dL/db at the current (w, b), both from the same (w, b), and return the new pair
    ``(w - learning_rate * dL/dw, b - learning_rate * dL/db)``. Use plain numbers.
    (Un pas de descens del gradient per a la recta y_hat = w * x + b i l'error quadràtic mitjà.)
    """
    raise NotImplementedError("differentiate one term (w * x + b - y) ** 2 by the chain rule, then average")


def deep_delta_rule(x: Sequence[float], y: Sequence[float],
                    weights: Sequence[Sequence[Sequence[float]]],
                    biases: Sequence[Sequence[float]], learning_rate: float
                    ) -> tuple[list[list[list[float]]], list[list[float]]]:
    """The weight and bias changes of the delta rule for a tanh network of any depth.

    The network has ``len(weights)`` layers of weights. Layer 0 is the input, h^(0) = x; layer
    l + 1 receives from layer l through ``weights[l][j][i]``, the weight w_ji from neuron ``i``
    of layer l to neuron ``j`` of layer l + 1 (one row per receiving neuron, like a layer's
    matrix W), plus the bias ``biases[l][j]``:

        z_j = sum_i w_ji * h_i + b_j,   h_j = tanh(z_j) in the hidden layers,
        y_hat_k = z_k                   in the last layer (a linear output, no activation).

    ``y`` holds the labels of the outputs, and the loss is L = 1/2 * sum_k (y_k - y_hat_k) ** 2.
    Return ``(dweights, dbiases)``, nested lists shaped like ``weights`` and ``biases``, with
    dw_ji = -learning_rate * dL/dw_ji and db_j = -learning_rate * dL/db_j. ``weights`` may hold
    a single layer (no hidden layer) or several hidden layers. Compute every delta before
    changing any weight; do not modify the arguments.
    (Els canvis de pesos i biaixos de la regla delta per a una xarxa tanh de qualsevol
    profunditat.)
    """
    raise NotImplementedError("deltas from the output back: which f' has tanh, and which a linear output?")
