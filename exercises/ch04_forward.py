"""Chapter 4 exercises: forward propagation.

Replace each ``raise NotImplementedError`` with your code, then grade your work:

    pytest exercises/test_ch04_forward.py                     # feedback in English
    MINIGRAD_LANG=ca pytest exercises/test_ch04_forward.py    # comentaris en català
"""

from __future__ import annotations

from typing import Callable, Sequence


def forward(x: Sequence[float], hidden_weights: Sequence[Sequence[float]],
            hidden_biases: Sequence[float], output_weights: Sequence[float],
            output_bias: float, activation: Callable[[float], float]) -> float:
    """The prediction of a network with one hidden layer and one linear output neuron.

    Hidden neuron ``j`` has the weights ``hidden_weights[j]`` (one per input) and the bias
    ``hidden_biases[j]``: its output is ``activation(z_j)``, where ``z_j`` is
    ``hidden_weights[j][0] * x[0] + hidden_weights[j][1] * x[1] + ... + hidden_biases[j]``.
    The output neuron adds up the hidden outputs times ``output_weights``, plus ``output_bias``,
    with no activation. Work with plain numbers (floats).
    (La predicció d'una xarxa amb una capa oculta i una neurona de sortida lineal.)
    """
    raise NotImplementedError("hidden outputs first (activation of z_j), then a linear output")


def collapse_linear(hidden_weights: Sequence[Sequence[float]], hidden_biases: Sequence[float],
                    output_weights: Sequence[float],
                    output_bias: float) -> tuple[list[float], float]:
    """The single linear model that a network without activations really is.

    The network is the one of ``forward`` with ``activation = lambda z: z``. Return
    ``(weights, bias)``, one weight per input, such that ``sum(weights[i] * x[i]) + bias`` gives
    the network's prediction for every input ``x``.
    (El model lineal únic que és, de fet, una xarxa sense activacions.)
    """
    raise NotImplementedError("write ŷ with x alone: what does each x_i end up multiplied by?")


def relu_kinks(weights: Sequence[float], biases: Sequence[float],
               output_weights: Sequence[float]) -> tuple[list[float], list[float]]:
    """Where the output of a one-input ReLU network bends, and its slope on each straight piece.

    The network has one input x and one hidden layer: hidden neuron ``j`` outputs
    ``max(0.0, weights[j] * x + biases[j])``, and the prediction adds up these outputs times
    ``output_weights``, plus an output bias (which shifts the prediction and bends nothing).
    Return ``(kinks, slopes)``: ``kinks`` are the inputs x, in increasing order, where the slope
    of the prediction changes; ``slopes`` holds the slope of each straight piece, from left to
    right, one more number than ``kinks``.
    (On es doblega la predicció d'una xarxa ReLU d'una entrada, i el pendent de cada tram.)
    """
    raise NotImplementedError("where does each neuron switch, and on which side is it on?")
