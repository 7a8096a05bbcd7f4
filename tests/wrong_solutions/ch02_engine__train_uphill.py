"""Wrong for this exercise: steps along the gradient, uphill, instead of against it. (The engine
is the reference's.)"""

from pathlib import Path

EXERCISE = "ch02.train_moons"

# The reference engine (the graders' proof runs from the repository root), then the wrong loop.
exec(Path("exercises/solutions/ch02_engine.py").read_text(encoding="utf-8"))


def train_moons(points, labels):
    model = MLP([2, 16, 1], seed=0)  # noqa: F821 (defined by the exec above)
    examples = [([float(a), float(b)], 1.0 if c == 1 else -1.0) for (a, b), c in zip(points, labels)]
    for epoch in range(3):
        for x, t in examples:
            loss = (-t * model(x)).softplus()
            model.zero_grad()
            loss.backward()
            for p in model.parameters():
                p.data += 0.3 * p.grad
    return model
