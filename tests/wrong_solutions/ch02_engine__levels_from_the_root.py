"""Wrong for this exercise: counts levels down from the root, breadth first (root on the last
level, its parents one below, ...), so a leaf that root uses directly is not on level 0."""

EXERCISE = "ch02.levels"


def levels(root):
    layers, seen = [[root]], {root}
    while True:
        above = [p for v in layers[-1] for p in v.parents if p not in seen]
        above = list({id(p): p for p in above}.values())
        if not above:
            return layers[::-1]
        seen.update(above)
        layers.append(above)
