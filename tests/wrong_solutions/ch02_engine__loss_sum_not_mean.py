"""Wrong for this exercise: returns the sum of the points' losses, not their mean, so the loss
and every gradient are N times too large. (The engine is the reference's.)"""

from pathlib import Path

EXERCISE = "ch02.loss_gradient"

# The reference engine (the graders' proof runs from the repository root), then the wrong function.
exec(Path("exercises/solutions/ch02_engine.py").read_text(encoding="utf-8"))


def loss_gradient(model, points, labels):
    loss = 0.0
    for (x1, x2), label in zip(points, labels):
        t = 1.0 if label == 1 else -1.0
        loss = loss + (-t * model([x1, x2])).softplus()
    model.zero_grad()
    loss.backward()
    return loss.data, [p.grad for p in model.parameters()]
