"""Wrong for this exercise: the training loop never clears the gradients, so every step adds the
new gradient to all the old ones and the steps grow without end. (The engine is the reference's.)"""

from pathlib import Path

EXERCISE = "ch02.train_moons"

# The reference engine (the graders' proof runs from the repository root), then the wrong loop.
exec(Path("exercises/solutions/ch02_engine.py").read_text(encoding="utf-8"))


def train_moons(points, labels):
    model = MLP([2, 16, 1], seed=0)  # noqa: F821 (defined by the exec above)
    examples = [([float(a), float(b)], 1.0 if c == 1 else -1.0) for (a, b), c in zip(points, labels)]
    order = random.Random(0)  # noqa: F821
    for epoch in range(15):
        order.shuffle(examples)
        for x, t in examples:
            loss = (-t * model(x)).softplus()
            loss.backward()
            for p in model.parameters():
                p.data -= 0.3 * p.grad
    return model
