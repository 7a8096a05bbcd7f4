"""Wrong for this exercise: the training loop is right, but backward overwrites (=) instead of
adding (+=), so a weight used by several examples keeps one example's gradient: the grader must
name backward as the piece at fault."""

from pathlib import Path

EXERCISE = "ch02.train_moons"

# The reference engine (the graders' proof runs from the repository root), then the wrong piece.
exec(Path("exercises/solutions/ch02_engine.py").read_text(encoding="utf-8"))
reference_train_moons = train_moons  # noqa: F821 (defined by the exec above)


def backward(root):
    order = topological_order(root)  # noqa: F821
    for node in order:
        if node.parents:
            node.grad = 0.0
    root.grad += 1.0
    for node in reversed(order):
        for parent, local in zip(node.parents, node.local):
            parent.grad = local * node.grad


def train_moons(points, labels):
    return reference_train_moons(points, labels)
