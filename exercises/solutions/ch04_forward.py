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
    return sum(v * h for v, h in zip(output_weights, hidden)) + output_bias


def interaction_table(predict: Callable[[float, int], float],
                      educations: Sequence[float] = (12, 13)) -> list[list[float]]:
    """The table of predictions: one row per education, columns tech job = 0 and tech job = 1."""
    return [[predict(education, tech) for tech in (0, 1)] for education in educations]


def interaction_effect(predict: Callable[[float, int], float], education: float) -> float:
    """How much bigger the raise for one more year of education is in a tech job than outside."""
    def raise_for(tech: int) -> float:
        return predict(education + 1, tech) - predict(education, tech)
    # A "difference of differences": 0 for every model without an interaction.
    return raise_for(1) - raise_for(0)
