"""Wrong for this exercise: never clears the gradients before ``loss.backward()``, so a second
call on the same model adds the new gradients to those the first left: right once, wrong after.
(The engine is the reference's.)"""

from pathlib import Path

EXERCISE = "ch02.loss_gradient"

# The reference engine (the graders' proof runs from the repository root), then the wrong function.
exec(Path("exercises/solutions/ch02_engine.py").read_text(encoding="utf-8"))


def loss_gradient(model, points, labels):
    loss = 0.0
    for (x1, x2), label in zip(points, labels):
        t = 1.0 if label == 1 else -1.0
        loss = loss + (-t * model([x1, x2])).softplus()
    loss = loss * (1.0 / len(points))
    loss.backward()
    return loss.data, [p.grad for p in model.parameters()]  # noqa: F821 (the exec above)
