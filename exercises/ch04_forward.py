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
    ``hidden_biases[j]``: its output is ``activation(net_j)``, where ``net_j`` is
    ``hidden_weights[j][0] * x[0] + hidden_weights[j][1] * x[1] + ... + hidden_biases[j]``.
    The output neuron adds up the hidden outputs times ``output_weights``, plus ``output_bias``,
    with no activation. Work with plain numbers (floats).
    (La predicció d'una xarxa amb una capa oculta i una neurona de sortida lineal.)
    """
    raise NotImplementedError("hidden outputs first (activation of net_j), then a linear output")


def interaction_table(predict: Callable[[float, int], float],
                      educations: Sequence[float] = (12, 13)) -> list[list[float]]:
    """The table of predictions: one row per education, columns tech job = 0 and tech job = 1.

    ``predict(education, tech)`` returns a predicted wage. For the default educations the
    result is ``[[predict(12, 0), predict(12, 1)], [predict(13, 0), predict(13, 1)]]``.
    (La taula de prediccions: una fila per a cada nivell d'estudis; columnes: feina tecnològica
    0 i 1.)
    """
    raise NotImplementedError("one row per education: [predict(e, 0), predict(e, 1)]")


def interaction_effect(predict: Callable[[float, int], float], education: float) -> float:
    """How much bigger the raise for one more year of education is in a tech job than outside.

    The raise in a job is ``predict(education + 1, tech) - predict(education, tech)``; return
    the raise for ``tech = 1`` minus the raise for ``tech = 0``. It is 0 when there is no
    interaction. (Quant més gran és l'augment per un any més d'estudis amb feina tecnològica.)
    """
    raise NotImplementedError("raise = predict(education + 1, tech) - predict(education, tech)")
