"""Wrong for this exercise: the root's gradient is never seeded with 1, so every gradient sent
back is 0."""

EXERCISE = "ch02.gradients"


def gradients(root, inputs):
    grad = {}
    for level in reversed(levels(root)):  # noqa: F821 (the grader provides it)
        for node in level:
            for parent, local in zip(node.parents, node.local):
                grad[parent] = grad.get(parent, 0.0) + local * grad.get(node, 0.0)
    return [grad.get(v, 0.0) for v in inputs]
