"""Wrong for this exercise: uses the labels 0 and 1 themselves as targets, so for class 0 the
term softplus(-0 * score) = ln 2 does not depend on the score. (The engine is the reference's.)"""

from pathlib import Path

EXERCISE = "ch02.loss_gradient"

# The reference engine (the graders' proof runs from the repository root), then the wrong function.
exec(Path("exercises/solutions/ch02_engine.py").read_text(encoding="utf-8"))


def loss_gradient(model, points, labels):
    loss = 0.0
    for (x1, x2), label in zip(points, labels):
        loss = loss + (-float(label) * model([x1, x2])).softplus()
    loss = loss * (1.0 / len(points))
    model.zero_grad()
    loss.backward()
    return loss.data, [p.grad for p in model.parameters()]
