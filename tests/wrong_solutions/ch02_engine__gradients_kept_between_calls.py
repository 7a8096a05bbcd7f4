"""Wrong for this exercise: the dict of gradients lives outside the function, so a second call
on the same graph adds to what the first one left."""

EXERCISE = "ch02.gradients"

grad = {}


def gradients(root, inputs):
    grad[root] = 1.0
    for level in reversed(levels(root)):  # noqa: F821 (the grader provides it)
        for node in level:
            for parent, local in zip(node.parents, node.local):
                grad[parent] = grad.get(parent, 0.0) + local * grad[node]
    return [grad.get(v, 0.0) for v in inputs]
