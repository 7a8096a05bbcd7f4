"""Wrong for this exercise: no set of visited values, so a value reached by several paths is
listed (and searched again) once per path."""

EXERCISE = "ch02.topological_order"


def topological_order(root):
    order = []
    stack = [(root, iter(root.parents))]
    while stack:
        node, parents = stack[-1]
        for parent in parents:
            stack.append((parent, iter(parent.parents)))
            break
        else:
            stack.pop()
            order.append(node)
    return order
