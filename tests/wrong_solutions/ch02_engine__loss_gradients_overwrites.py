"""Wrong for this exercise: the function is right, but gradients overwrites (=) instead of
adding, so a weight used by several points keeps one path's gradient: the grader must name
gradients as the piece at fault."""

from pathlib import Path

EXERCISE = "ch02.loss_gradient"

# The reference engine (the graders' proof runs from the repository root), then the wrong piece.
exec(Path("exercises/solutions/ch02_engine.py").read_text(encoding="utf-8"))
reference_loss_gradient = loss_gradient  # noqa: F821 (defined by the exec above)


def gradients(root, inputs):
    grad = {root: 1.0}
    for level in reversed(levels(root)):  # noqa: F821
        for node in level:
            for parent, local in zip(node.parents, node.local):
                grad[parent] = local * grad[node]
    return [grad.get(v, 0.0) for v in inputs]


def loss_gradient(model, points, labels):
    return reference_loss_gradient(model, points, labels)
