"""Wrong for this exercise: each value's level is worked out afresh, as its longest path down to
a leaf, by walking every path below it: right, but the paths can be exponentially many."""

EXERCISE = "ch02.levels"


def longest_path_down(node):
    best, stack = 0, [(node, 0)]
    while stack:
        value, depth = stack.pop()
        best = max(best, depth)
        stack.extend((p, depth + 1) for p in value.parents)
    return best


def levels(root):
    found, stack = {root: None}, [root]
    while stack:
        for parent in stack.pop().parents:
            if parent not in found:
                found[parent] = None
                stack.append(parent)
    level = {v: longest_path_down(v) for v in found}
    grouped = [[] for _ in range(level[root] + 1)]
    for node, k in level.items():
        grouped[k].append(node)
    return grouped
