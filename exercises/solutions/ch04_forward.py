"""Chapter 4 exercises: reference solutions (the book shows them in a collapsed dropdown)."""

from __future__ import annotations

from typing import Callable, Sequence


def forward(x: Sequence[float], hidden_weights: Sequence[Sequence[float]],
            hidden_biases: Sequence[float], output_weights: Sequence[float],
            output_bias: float, activation: Callable[[float], float]) -> float:
    """The prediction of a network with one hidden layer and one linear output neuron."""
    # The hidden layer: each neuron takes a weighted sum of the inputs, adds its bias,
    # and passes the result through the activation function.
    hidden = []
    for weights, bias in zip(hidden_weights, hidden_biases):
        net = sum(w * xi for w, xi in zip(weights, x)) + bias
        hidden.append(activation(net))
    # The output neuron does the same with the hidden outputs, without an activation.
    return sum(w2 * h for w2, h in zip(output_weights, hidden)) + output_bias


def collapse_linear(hidden_weights: Sequence[Sequence[float]], hidden_biases: Sequence[float],
                    output_weights: Sequence[float],
                    output_bias: float) -> tuple[list[float], float]:
    """The single linear model that a network without activations really is."""
    # Without activations, h_j = Σ_i w_ji x_i + b_j; with w2_j = output_weights[j] and
    # b2 = output_bias, the prediction
    # Σ_j w2_j h_j + b2 = Σ_i (Σ_j w2_j w_ji) x_i + (Σ_j w2_j b_j + b2):
    # input i gets the weight Σ_j w2_j w_ji, and the biases add up into one.
    n_inputs = len(hidden_weights[0])
    weights = [sum(w2 * w[i] for w2, w in zip(output_weights, hidden_weights))
               for i in range(n_inputs)]
    bias = sum(w2 * b for w2, b in zip(output_weights, hidden_biases)) + output_bias
    return weights, bias


def relu_kinks(weights: Sequence[float], biases: Sequence[float],
               output_weights: Sequence[float]) -> tuple[list[float], list[float]]:
    """Where the output of a one-input ReLU network bends, and its slope on each straight piece."""
    # Neuron j switches where its net input w_j x + b_j crosses 0, at x = -b_j / w_j; a neuron
    # with w_j = 0 is on everywhere or nowhere, adds a constant and bends nothing. Between two
    # switches every neuron stays on or off, so the prediction is straight there, and its slope
    # is the sum of v_j * w_j over the neurons that are on (v_j its output weight).
    switches = sorted({-b / w for w, b in zip(weights, biases) if w != 0})

    def slope(x):                   # at an x that is no neuron's switch
        return sum(v * w for w, b, v in zip(weights, biases, output_weights) if w * x + b > 0)

    # One point inside each piece: left of the first switch, between two, right of the last.
    inside = ([switches[0] - 1] + [(a + c) / 2 for a, c in zip(switches, switches[1:])]
              + [switches[-1] + 1]) if switches else [0.0]
    kinks, slopes = [], [slope(inside[0])]
    for x, point in zip(switches, inside[1:]):
        # A switch where the slope stays the same is no kink: the neurons that switch there
        # cancel out (ReLU(x) - ReLU(-x) = x), or their output weights are 0.
        if (s := slope(point)) != slopes[-1]:
            kinks.append(x)
            slopes.append(s)
    return kinks, slopes
