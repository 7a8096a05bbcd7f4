"""Chapter 3 exercises: reference solutions (the book shows them in a collapsed dropdown)."""

from __future__ import annotations

import math


def perceptron_predict(weights: list[float], bias: float, x: list[float]) -> int:
    """The perceptron's output for the input ``x``: 1 if it fires, 0 if it does not."""
    z = bias
    for w_i, x_i in zip(weights, x):
        z += w_i * x_i               # the weighted sum
    return 1 if z >= 0 else 0        # fire when the threshold is reached


def perceptron_update(weights: list[float], bias: float, x: list[float], target: int,
                      lr: float) -> tuple[list[float], float]:
    """One step of Rosenblatt's rule on the example (x, target); returns (new_weights, new_bias)."""
    error = target - perceptron_predict(weights, bias, x)   # 0, +1 or -1
    # error == 0: right answer, nothing changes. +1: it should have fired, so move the
    # weights towards x. -1: it should not have fired, so move them away from x.
    new_weights = [w_i + lr * error * x_i for w_i, x_i in zip(weights, x)]
    return new_weights, bias + lr * error


def train_perceptron(X: list[list[float]], targets: list[int], epochs: int, lr: float
                     ) -> tuple[list[float], float, list[int]]:
    """Train a perceptron with Rosenblatt's rule; returns (weights, bias, mistakes)."""
    weights, bias = [0.0] * len(X[0]), 0.0
    mistakes = []
    for _ in range(epochs):
        wrong = 0
        for x, target in zip(X, targets):
            if perceptron_predict(weights, bias, x) != target:
                wrong += 1
            weights, bias = perceptron_update(weights, bias, x, target, lr)
        mistakes.append(wrong)
    return weights, bias, mistakes


def xor_loop() -> tuple[int, list[float], float, int]:
    """Your answers about ``train_perceptron`` on XOR, from zero weights, with lr = 1.0."""
    # Epoch 1 ends at w = (-1, 0), b = -1 and epoch 2 at w = (-1, 0), b = 0. From there an epoch
    # gets all four examples wrong, and its four updates, -(0, 0, 1) + (0, 1, 1) + (1, 0, 1)
    # - (1, 1, 1) on (w1, w2, b), add up to zero: it ends where it began. The rule only looks at
    # the weights and the examples, so every later epoch repeats it, with 4 mistakes, for ever.
    return 2, [-1.0, 0.0], 0.0, 4


def logistic_derivative(z: float) -> float:
    """The derivative of the logistic function σ(z) = 1 / (1 + e^(−z)) at z: σ(z)·(1 − σ(z))."""
    # exp of a negative number never overflows, so take e = exp(-|z|) and use whichever of the
    # two equal forms of σ needs it: 1 / (1 + e^-z) for z >= 0, e^z / (1 + e^z) for z < 0.
    e = math.exp(-abs(z))
    f = 1 / (1 + e) if z >= 0 else e / (1 + e)
    return f * (1 - f)


def equivalent_start(weights: list[float], bias: float, lr: float, new_lr: float
                     ) -> tuple[list[float], float]:
    """The start at which learning rate ``new_lr`` repeats the mistakes made at ``lr``."""
    # After some updates every weight is its start plus lr times a sum of +x_i and -x_i, and the
    # bias is its start plus lr times a sum of +1 and -1: the sums depend only on which examples
    # were mistakes. Scale the start by c = new_lr / lr > 0, and every weight, the bias and so
    # every weighted sum z are the old ones times c. z and c·z have the same sign, so the same
    # examples fire and the same mistakes follow, for ever. From zero weights c·0 = 0: the
    # learning rate changes nothing but the size of the weights. From other weights it matters,
    # because lr decides how far the first mistakes move the weights away from their start.
    c = new_lr / lr
    return [c * w_i for w_i in weights], c * bias
