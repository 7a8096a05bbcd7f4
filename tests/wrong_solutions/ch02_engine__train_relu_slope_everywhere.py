"""Wrong for this exercise: the training loop is right, but ReLU's local derivative is 1
everywhere (the condition a > 0 forgotten), so the network's gradients are wrong: the grader
must name local_derivatives as the piece at fault."""

from pathlib import Path

EXERCISE = "ch02.train_moons"

# The reference engine (the graders' proof runs from the repository root), then the wrong piece.
exec(Path("exercises/solutions/ch02_engine.py").read_text(encoding="utf-8"))
reference_train_moons = train_moons  # noqa: F821 (defined by the exec above)


def local_derivatives(op, a, b, out):
    if op == "relu":
        return (1.0,)
    return {"+": (1.0, 1.0), "*": (b, a), "**": (b * a ** (b - 1),) if op == "**" else (),
            "exp": (out,), "tanh": (1.0 - out * out,)}[op]


def train_moons(points, labels):
    return reference_train_moons(points, labels)
