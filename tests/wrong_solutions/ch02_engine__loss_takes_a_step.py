"""Wrong for this exercise: returns the right loss and gradient, then also moves every parameter
a step against its gradient, which the exercise does not ask for: training is chapter 5's, and
the grader checks that no parameter moved. (The engine is the reference's.)"""

from pathlib import Path

EXERCISE = "ch02.loss_gradient"

# The reference engine (the graders' proof runs from the repository root), then the wrong function.
exec(Path("exercises/solutions/ch02_engine.py").read_text(encoding="utf-8"))
reference_loss_gradient = loss_gradient  # noqa: F821 (defined by the exec above)


def loss_gradient(model, points, labels):
    loss, grads = reference_loss_gradient(model, points, labels)
    for p, g in zip(model.parameters(), grads):
        p.data -= 0.3 * g
    return loss, grads
