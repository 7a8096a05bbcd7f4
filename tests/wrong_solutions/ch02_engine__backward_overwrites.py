"""Wrong for this exercise: ``parent.grad = local * node.grad`` instead of ``+=``, so a value
used twice keeps only the contribution that arrives last."""

EXERCISE = "ch02.backward"


def backward(root):
    order = topological_order(root)  # noqa: F821 (the grader provides it)
    for node in order:
        if node.parents:
            node.grad = 0.0
    root.grad += 1.0
    for node in reversed(order):
        for parent, local in zip(node.parents, node.local):
            parent.grad = local * node.grad
