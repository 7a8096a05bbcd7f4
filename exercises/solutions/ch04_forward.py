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


def dead_neurons(X: Sequence[Sequence[float]], hidden_weights: Sequence[Sequence[float]],
                 hidden_biases: Sequence[float]) -> list[int]:
    """The hidden ReLU neurons that output 0 for every example of ``X``, in increasing order."""
    dead = []
    for j, (weights, bias) in enumerate(zip(hidden_weights, hidden_biases)):
        # ReLU(z) = max(0, z) is 0 exactly when z <= 0: a net input of exactly 0 gives 0 too.
        nets = [sum(w * xi for w, xi in zip(weights, x)) + bias for x in X]
        if all(net <= 0 for net in nets):
            dead.append(j)
    return dead
