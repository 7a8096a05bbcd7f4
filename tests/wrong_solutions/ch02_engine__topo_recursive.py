"""Wrong for this exercise: a recursive depth-first search (micrograd's build_topo). Correct on
small graphs, it stops with a RecursionError on a chain of 5,000 operations."""

EXERCISE = "ch02.topological_order"


def topological_order(root):
    order, visited = [], set()

    def visit(node):
        if node not in visited:
            visited.add(node)
            for parent in node.parents:
                visit(parent)
            order.append(node)
    visit(root)
    return order
