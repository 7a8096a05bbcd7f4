"""Wrong for this exercise: reads every input's gradient from the dict, so an input that root
was not computed from raises a KeyError instead of getting 0."""

EXERCISE = "ch02.gradients"


def gradients(root, inputs):
    grad = {root: 1.0}
    for level in reversed(levels(root)):  # noqa: F821 (the grader provides it)
        for node in level:
            for parent, local in zip(node.parents, node.local):
                grad[parent] = grad.get(parent, 0.0) + local * grad[node]
    return [grad[v] for v in inputs]
