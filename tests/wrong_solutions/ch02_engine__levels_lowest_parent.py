"""Wrong for this exercise: a value goes one level above its *lowest* parent instead of its
highest, so in e = a * b; s = e + c the sum lands on level 1 next to e."""

EXERCISE = "ch02.levels"


def levels(root):
    level, stack = {}, [root]
    while stack:
        node = stack[-1]
        if node in level:
            stack.pop()
            continue
        waiting = [p for p in node.parents if p not in level]
        if waiting:
            stack.extend(waiting)
        else:
            stack.pop()
            level[node] = 1 + min((level[p] for p in node.parents), default=-1)
    grouped = [[] for _ in range(max(level.values()) + 1)]
    for node, k in level.items():
        grouped[k].append(node)
    return grouped
