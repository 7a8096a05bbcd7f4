"""Wrong for this exercise: the function is right, but softplus's local derivative has a sign
slip, e^(-out) = sigmoid(-a) instead of sigmoid(a), so the loss's gradients are wrong: the grader
must name local_derivatives as the piece at fault."""

import math
from pathlib import Path

EXERCISE = "ch02.loss_gradient"

# The reference engine (the graders' proof runs from the repository root), then the wrong piece.
exec(Path("exercises/solutions/ch02_engine.py").read_text(encoding="utf-8"))
reference_local_derivatives = local_derivatives  # noqa: F821 (defined by the exec above)
reference_loss_gradient = loss_gradient  # noqa: F821


def local_derivatives(op, a, b, out):
    if op == "softplus":
        return (math.exp(-out),)
    return reference_local_derivatives(op, a, b, out)


def loss_gradient(model, points, labels):
    return reference_loss_gradient(model, points, labels)
