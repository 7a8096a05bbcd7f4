"""Chapter 5 exercises: gradient descent and backpropagation.

Replace each ``raise NotImplementedError`` with your code, then grade your work:

    pytest exercises/test_ch05_backprop.py                     # feedback in English
    MINIGRAD_LANG=ca pytest exercises/test_ch05_backprop.py    # comentaris en català
"""

from __future__ import annotations

import math  # math.exp will be useful
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


def delta_rule(x: Sequence[float], y: Sequence[float], w_hidden: Sequence[Sequence[float]],
               w_output: Sequence[Sequence[float]], learning_rate: float
               ) -> tuple[list[list[float]], list[list[float]]]:
    """The weight changes of the delta rule for a sigmoid network with one hidden layer.

    ``w_hidden[j][i]`` is the weight w_ji from input ``i`` to hidden neuron ``j``, and
    ``w_output[k][j]`` the weight w_kj from hidden neuron ``j`` to output neuron ``k``: one row
    per receiving neuron, like a layer's matrix W. Every neuron computes z_j = sum_i w_ji * h_i
    and outputs h_j = f(z_j), f the sigmoid (no biases); ``y`` holds the labels of the outputs.
    Return ``(dw_hidden, dw_output)``, lists of lists shaped like ``w_hidden`` and ``w_output``,
    with dw_ji = learning_rate * delta_j * h_i. Compute every delta before changing any weight;
    do not modify the arguments.
    (Els canvis de pesos de la regla delta per a una xarxa sigmoide amb una capa oculta.)
    """
    raise NotImplementedError("feed forward, then output deltas, then hidden deltas, then dw")
