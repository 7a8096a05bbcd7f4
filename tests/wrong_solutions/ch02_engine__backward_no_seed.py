"""Wrong for this exercise: the root's gradient is never seeded with 1, so every gradient sent
back is 0."""

EXERCISE = "ch02.backward"


def backward(root):
    order = topological_order(root)  # noqa: F821 (the grader provides it)
    for node in order:
        if node.parents:
            node.grad = 0.0
    for node in reversed(order):
        for parent, local in zip(node.parents, node.local):
            parent.grad += local * node.grad
