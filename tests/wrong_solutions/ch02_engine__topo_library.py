"""Wrong for this exercise: hands the graph to minigrad's topological_order, which reads
minigrad's private ``_parents``: the values of this engine have ``parents``."""

import minigrad

EXERCISE = "ch02.topological_order"


def topological_order(root):
    return minigrad.topological_order(root)
