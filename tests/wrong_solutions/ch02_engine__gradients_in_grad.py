"""Wrong for this exercise: right numbers, but computed in the values' own ``.grad`` as minigrad
does, which gradients must leave alone (it returns the gradients, like torch.autograd.grad)."""

EXERCISE = "ch02.gradients"


def gradients(root, inputs):
    order = [v for level in levels(root) for v in level]  # noqa: F821 (the grader provides it)
    for node in order:
        node.grad = 0.0
    root.grad = 1.0
    for node in reversed(order):
        for parent, local in zip(node.parents, node.local):
            parent.grad += local * node.grad
    reached = {id(v) for v in order}
    return [v.grad if id(v) in reached else 0.0 for v in inputs]
