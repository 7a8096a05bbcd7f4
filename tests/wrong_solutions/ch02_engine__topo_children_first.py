"""Wrong for this exercise: a value joins the order when it is first reached, before its parents
(a pre-order), so the children come first."""

EXERCISE = "ch02.topological_order"


def topological_order(root):
    order, visited, stack = [], {root}, [root]
    while stack:
        node = stack.pop()
        order.append(node)
        for parent in node.parents:
            if parent not in visited:
                visited.add(parent)
                stack.append(parent)
    return order
