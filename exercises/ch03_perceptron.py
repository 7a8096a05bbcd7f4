"""Chapter 3 exercises: the perceptron and the logistic neuron.

Replace each ``raise NotImplementedError`` with your code, then grade your work:

    pytest exercises/test_ch03_perceptron.py                     # feedback in English
    MINIGRAD_LANG=ca pytest exercises/test_ch03_perceptron.py    # comentaris en català

Plain Python is enough: lists, loops, arithmetic and the ``math`` module.
"""

from __future__ import annotations

import math  # math.exp will be useful


def perceptron_predict(weights: list[float], bias: float, x: list[float]) -> int:
    """The perceptron's output for the input ``x``: 1 if it fires, 0 if it does not.

    It fires when the weighted sum z = weights[0]·x[0] + weights[1]·x[1] + … + bias
    reaches the threshold 0, that is, when z >= 0.
    (Retorna 1 si la suma ponderada més el biaix és >= 0, i 0 si no.)
    """
    raise NotImplementedError("the weighted sum and the bias decide; mind a sum of exactly 0")


def perceptron_update(weights: list[float], bias: float, x: list[float], target: int,
                      lr: float) -> tuple[list[float], float]:
    """One step of Rosenblatt's rule on the example (x, target); returns (new_weights, new_bias).

    The rule is the chapter's, with ``lr`` the learning rate η: it compares ``target`` with the
    perceptron's current prediction for x (see ``perceptron_predict``), and each weight changes
    in proportion to its own input; the bias changes like a weight whose input is always 1.
    Return a new list of weights; leave the list you were given unchanged.
    (La regla de Rosenblatt del capítol; retorna una llista nova i no modifiquis ``weights``.)
    """
    raise NotImplementedError("the error (target against current output) scales each change")


def train_perceptron(X: list[list[float]], targets: list[int], epochs: int, lr: float
                     ) -> tuple[list[float], float, list[int]]:
    """Train a perceptron with Rosenblatt's rule; returns (weights, bias, mistakes).

    Start with every weight and the bias at 0.0. An epoch visits the examples in order and
    applies ``perceptron_update`` to each one. ``mistakes`` has one number per epoch: how many
    examples were predicted wrongly, each checked just before its own update.
    (Comença amb tots els pesos i el biaix a 0.0; ``mistakes`` té un nombre per època.)
    """
    raise NotImplementedError("count each mistake before its update; one count per epoch")


def xor_loop() -> tuple[int, list[float], float, int]:
    """Your answers about ``train_perceptron`` on XOR, from zero weights, with lr = 1.0.

    The inputs are the chapter's X = [[0, 0], [0, 1], [1, 0], [1, 1]], the targets [0, 1, 1, 0].
    Return (n, weights, bias, mistakes): n is the first epoch at whose end the weights and the
    bias are the same as at the end of every later epoch, ``weights`` and ``bias`` are those,
    and ``mistakes`` is the number of mistakes that each epoch after n makes.
    (Les teves respostes sobre XOR: l'època n, els pesos, el biaix i els errors de cada època.)
    """
    raise NotImplementedError("print the weights and bias at each epoch's end: when do they repeat?")


def logistic_derivative(z: float) -> float:
    """The derivative of the logistic function σ(z) = 1 / (1 + e^(−z)) at z: σ(z)·(1 − σ(z)).

    It must work for every z, also far from 0 (z = 800 or z = −800), where a careless
    formula asks math.exp for a number too large for a float.
    (La derivada de la funció logística, σ(z)·(1 − σ(z)), per a qualsevol z.)
    """
    raise NotImplementedError("try z = −1000 and z = 1000: which intermediate number is out of range?")


def equivalent_start(weights: list[float], bias: float, lr: float, new_lr: float
                     ) -> tuple[list[float], float]:
    """The start at which learning rate ``new_lr`` repeats the mistakes made at ``lr``.

    A perceptron that starts from ``weights`` and ``bias`` and learns with Rosenblatt's rule at
    the learning rate ``lr`` makes some mistakes, epoch after epoch, on a data set. Return the
    starting (weights, bias) with which a perceptron that learns at ``new_lr`` makes exactly the
    same mistakes, in every epoch, on every data set. Both learning rates are positive.
    (Retorna el punt de partida amb què, aprenent amb ``new_lr``, es fan els mateixos errors.)
    """
    raise NotImplementedError("write z after a few updates: which part grows with lr, which not?")
