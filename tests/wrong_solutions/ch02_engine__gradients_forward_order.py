"""Wrong for this exercise: walks the levels from level 0 up, so a value sends its gradient on
before it has received it."""

EXERCISE = "ch02.gradients"


def gradients(root, inputs):
    grad = {root: 1.0}
    for level in levels(root):  # noqa: F821 (the grader provides it)
        for node in level:
            for parent, local in zip(node.parents, node.local):
                grad[parent] = grad.get(parent, 0.0) + local * grad.get(node, 0.0)
    return [grad.get(v, 0.0) for v in inputs]
