"""Wrong for this exercise: one backward pass per input asked for, each keeping only its input's
gradient: right, but n inputs cost n passes where one pass gives them all."""

EXERCISE = "ch02.gradients"


def gradients(root, inputs):
    result = []
    for wanted in inputs:
        grad = {root: 1.0}
        for level in reversed(levels(root)):  # noqa: F821 (the grader provides it)
            for node in level:
                for parent, local in zip(node.parents, node.local):
                    grad[parent] = grad.get(parent, 0.0) + local * grad[node]
        result.append(grad.get(wanted, 0.0))
    return result
