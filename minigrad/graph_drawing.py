"""Pictures of computation graphs: ``draw_graph`` (matplotlib) and ``to_dot`` (Graphviz text).

Both work for any node of :mod:`minigrad.autograd` — a scalar ``Value`` shows
its label, data and grad; a ``Tensor`` shows its label and shape. Operations
appear as small circles between an operation's inputs and its result.
"""

from __future__ import annotations

from typing import Any

from .autograd import topological_order

FONT = 8.0                  # points, at full size
CHAR = 0.6 * FONT / 72      # inches: the average width of a character at FONT
LINE = 1.3 * FONT / 72      # inches: the height of a line of text at FONT
MAX_SIZE = (20.0, 12.0)     # inches: a bigger graph is drawn smaller, fonts and all


def _describe(node: Any) -> list[str]:
    """The lines of text in a node's box (the fields of its Graphviz record)."""
    name = [node.label] if getattr(node, "label", "") else []
    shape = getattr(node, "shape", None)
    if shape is not None:  # a tensor: values would not fit in a box
        return name + [f"shape {tuple(shape)}"] + ([] if node.grad is None else ["grad"])
    return name + [f"data {node.data:.4f}", f"grad {node.grad:.4f}"]


class _Layout:
    """Where each node of the graph behind ``root`` goes: a column and a row.

    An operation's result sits one column right of its deepest input. An input
    that no operation produced (a leaf: a parameter, a constant) sits one column
    left of its first use, so a constant used late does not send an edge across
    the whole picture. An edge that still spans several columns passes through a
    *waypoint* in each column between, which takes a row like a node, so that
    the edge runs between boxes instead of through them.

    Within a column, nodes and waypoints are sorted by the mean row of their
    neighbours, sweeping right and then left a few times (the barycenter
    heuristic): connected nodes end up level, and fewer edges cross.
    """

    def __init__(self, root: Any) -> None:
        self.order = topological_order(root)
        users: dict[int, list] = {id(node): [] for node in self.order}
        self.column: dict[int, int] = {}
        for node in self.order:
            for parent in node._parents:
                users[id(parent)].append(node)
            self.column[id(node)] = 1 + max((self.column[id(p)] for p in node._parents), default=-1)
        for node in self.order:
            if not node._parents and users[id(node)]:
                self.column[id(node)] = min(self.column[id(u)] for u in users[id(node)]) - 1

        self.columns: list[list] = [[] for _ in range(max(self.column.values()) + 1)]
        left: dict[int, list] = {}      # each item's neighbours one column to the left
        right: dict[int, list] = {}     # ... and one column to the right
        self.waypoints: dict[tuple[int, int], list] = {}
        for node in self.order:
            self.columns[self.column[id(node)]].append(node)
            left[id(node)], right[id(node)] = [], []
            for parent in dict.fromkeys(node._parents):     # a parent used twice: one path
                before, path = parent, []
                for col in range(self.column[id(parent)] + 1, self.column[id(node)]):
                    point = object()
                    self.columns[col].append(point)
                    path.append(point)
                    left[id(point)], right[id(point)] = [before], []
                    right[id(before)].append(point)
                    before = point
                right[id(before)].append(node)
                left[id(node)].append(before)
                self.waypoints[id(parent), id(node)] = path

        self.y: dict[int, float] = {}   # rows, centred on 0, the first on top
        for items in self.columns:
            self._place(items)
        for _ in range(4):
            for items in self.columns[1:]:
                self._sort(items, left)
            for items in reversed(self.columns[:-1]):
                self._sort(items, right)

    def _place(self, items: list) -> None:
        for i, item in enumerate(items):
            self.y[id(item)] = (len(items) - 1) / 2 - i

    def _sort(self, items: list, neighbours: dict[int, list]) -> None:
        # An item without neighbours on that side keeps its row; the sort is stable.
        def key(item: object) -> float:
            near = neighbours[id(item)]
            return sum(self.y[id(n)] for n in near) / len(near) if near else self.y[id(item)]
        items.sort(key=key, reverse=True)
        self._place(items)


def draw_graph(root: Any, figsize: tuple[float, float] | None = None) -> Any:
    """Draw the graph that computed ``root``, inputs on the left, ``root`` on the right.

    Each value is a box (label, data, grad); each operation is a circle feeding
    the box of its result. A graph too big for ``MAX_SIZE`` inches (or for
    ``figsize``, if given) is scaled down, text included: give a deep graph a
    larger ``figsize`` to read it. Returns the matplotlib ``Figure``.
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Ellipse, FancyArrowPatch, FancyBboxPatch
    from matplotlib.path import Path

    layout = _Layout(root)
    order = layout.order
    text = {id(node): _describe(node) for node in order}
    # Every box has the size of the biggest text, so that columns and rows line up.
    box_w = CHAR * max(len(line) for lines in text.values() for line in lines) + 0.15
    box_h = LINE * max(len(lines) for lines in text.values()) + 0.1
    op_h = 2.2 * LINE
    op_w = {id(n): max(op_h, CHAR * len(n._op) + 0.25) for n in order}  # long names stretch
    gap = max(op_w.values()) + 0.4          # between columns: an operation and its arrows
    tallest = max(len(items) for items in layout.columns)
    # Coordinates are inches at full size; the figure shows them multiplied by ``scale``.
    width = (len(layout.columns) - 1) * (box_w + gap) + box_w + 0.2
    height = tallest * (box_h + 0.2)
    if figsize is None:
        scale = min(1.0, MAX_SIZE[0] / width, MAX_SIZE[1] / height)
        figsize = (width * scale, height * scale)
    else:
        scale = min(figsize[0] / width, figsize[1] / height)

    fig = plt.figure(figsize=figsize)
    ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))

    def x_of(col: int) -> float:
        return 0.1 + box_w / 2 + col * (box_w + gap)

    def y_of(item: object) -> float:
        return layout.y[id(item)] * (box_h + 0.2)

    def edge(points: list[tuple[float, float]]) -> None:
        ax.add_patch(FancyArrowPatch(path=Path(points), arrowstyle="->", color="#666666",
                                     lw=0.8 * scale, mutation_scale=10 * scale, gid="edge"))

    for node in order:
        x, y = x_of(layout.column[id(node)]), y_of(node)
        ax.add_patch(FancyBboxPatch((x - box_w / 2, y - box_h / 2), box_w, box_h,
                                    boxstyle="round,pad=0,rounding_size=0.05", fc="#eef3fb",
                                    ec="#34558b", lw=scale, gid="value-node"))
        ax.text(x, y, "\n".join(text[id(node)]), ha="center", va="center",
                fontsize=FONT * scale, linespacing=1.15)
        if not node._parents:
            continue
        w = op_w[id(node)]
        ox = x - box_w / 2 - 0.15 - w / 2
        ax.add_patch(Ellipse((ox, y), w, op_h, fc="#fbe9d0", ec="#a86b1a", lw=scale,
                             gid="op-node"))
        ax.text(ox, y, node._op, ha="center", va="center", fontsize=FONT * scale)
        edge([(ox + w / 2, y), (x - box_w / 2, y)])
        for parent in dict.fromkeys(node._parents):
            points = [(x_of(layout.column[id(parent)]) + box_w / 2, y_of(parent))]
            # Through each waypoint, level across the width of a box.
            for col, point in enumerate(layout.waypoints[id(parent), id(node)],
                                        start=layout.column[id(parent)] + 1):
                points += [(x_of(col) + dx, y_of(point)) for dx in (-box_w / 2, box_w / 2)]
            edge(points + [(ox - w / 2, y)])

    # Equal scales on both axes keep circles round when ``figsize`` has another shape.
    ax.set_xlim(0.0, width)
    ax.set_ylim(-height / 2, height / 2)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig


def _escape(text: str, special: str) -> str:
    """Backslash-escape the backslash and each character of ``special`` for a DOT label."""
    for char in "\\" + special:
        text = text.replace(char, "\\" + char)
    return text


def to_dot(root: Any) -> str:
    """The graph behind ``root`` as Graphviz DOT text (render with ``dot -Tsvg``)."""
    lines = ["digraph minigrad {", "  rankdir=LR;", '  node [fontname="Helvetica"];']
    order = topological_order(root)
    number = {id(node): i for i, node in enumerate(order)}  # stable names: same graph, same text
    for node in order:
        nid = f"n{number[id(node)]}"
        # In a record label, { } | < > are structure; a label may contain them as text.
        fields = " | ".join(_escape(f, '"{}|<>') for f in _describe(node))
        lines.append(f'  {nid} [shape=record, label="{{ {fields} }}"];')
        if node._parents:
            op = _escape(node._op, '"')
            lines.append(f'  {nid}_op [shape=circle, label="{op}"];')
            lines.append(f"  {nid}_op -> {nid};")
            lines.extend(f"  n{number[id(p)]} -> {nid}_op;" for p in node._parents)
    lines.append("}")
    return "\n".join(lines)
