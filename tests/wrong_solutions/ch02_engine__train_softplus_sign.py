"""Wrong for this exercise: the training loop is right, but softplus's local derivative has a
sign slip, e^(-out) = sigmoid(-a) instead of sigmoid(a), so the loss's gradients are wrong: the
grader must name local_derivatives as the piece at fault."""

import math
from pathlib import Path

EXERCISE = "ch02.train_moons"

# The reference engine (the graders' proof runs from the repository root), then the wrong piece.
exec(Path("exercises/solutions/ch02_engine.py").read_text(encoding="utf-8"))
reference_local_derivatives = local_derivatives  # noqa: F821 (defined by the exec above)
reference_train_moons = train_moons  # noqa: F821


def local_derivatives(op, a, b, out):
    if op == "softplus":
        return (math.exp(-out),)
    return reference_local_derivatives(op, a, b, out)


def train_moons(points, labels):
    return reference_train_moons(points, labels)
