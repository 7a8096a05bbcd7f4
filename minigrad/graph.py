"""Pictures of computation graphs: ``draw_graph`` (matplotlib) and ``to_dot`` (Graphviz text).

Both work for any node of :mod:`minigrad.autograd` — a scalar ``Value`` shows
its label, data and grad; a ``Tensor`` shows its label and shape. Operations
appear as small circles between an operation's inputs and its result.
"""

from __future__ import annotations

from typing import Any

from .autograd import topological_order


def _describe(node: Any) -> str:
    """The text in a node's box."""
    name = f"{node.label} | " if getattr(node, "label", "") else ""
    shape = getattr(node, "shape", None)
    if shape is not None:  # a tensor: values would not fit in a box
        grad = "" if node.grad is None else " | grad"
        return f"{name}shape {tuple(shape)}{grad}"
    return f"{name}data {node.data:.4f} | grad {node.grad:.4f}"


def _layers(root: Any) -> tuple[list, dict[int, int]]:
    """Nodes in topological order and each node's column: 1 + its deepest parent's."""
    order = topological_order(root)
    column: dict[int, int] = {}
    for node in order:
        column[id(node)] = 1 + max((column[id(p)] for p in node._parents), default=-1)
    return order, column


def draw_graph(root: Any, figsize: tuple[float, float] | None = None) -> Any:
    """Draw the graph that computed ``root``, inputs on the left, ``root`` on the right.

    Each value is a box (label, data, grad); each operation is a circle feeding
    the box of its result. Returns the matplotlib ``Figure``.
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import FancyBboxPatch

    order, column = _layers(root)
    by_column: dict[int, list] = {}
    y: dict[int, float] = {}
    for node in order:
        by_column.setdefault(column[id(node)], []).append(node)
    for col in sorted(by_column):
        nodes = by_column[col]
        # Place each node near its parents: fewer crossing edges.
        nodes.sort(key=lambda n: sum(y[id(p)] for p in n._parents) / len(n._parents)
                   if n._parents else 0.0)
        for i, node in enumerate(nodes):
            y[id(node)] = i - (len(nodes) - 1) / 2

    n_cols = max(by_column) + 1
    tallest = max(len(v) for v in by_column.values())
    fig, ax = plt.subplots(figsize=figsize or (max(4.0, 3.2 * n_cols), max(1.6, 0.8 * tallest)))
    box_w, box_h, step = 2.0, 0.5, 3.2

    def x_of(node: Any) -> float:
        return column[id(node)] * step

    for node in order:
        x, yy = x_of(node), y[id(node)]
        ax.add_patch(FancyBboxPatch((x - box_w / 2, yy - box_h / 2), box_w, box_h,
                                    boxstyle="round,pad=0.02", fc="#eef3fb", ec="#34558b",
                                    gid="value-node"))
        ax.text(x, yy, _describe(node), ha="center", va="center", fontsize=8)
        if node._parents:
            ox = x - box_w / 2 - 0.45
            ax.add_patch(plt.Circle((ox, yy), 0.22, fc="#fbe9d0", ec="#a86b1a", gid="op-node"))
            ax.text(ox, yy, node._op, ha="center", va="center", fontsize=8)
            for parent in node._parents:
                ax.annotate("", xy=(ox - 0.22, yy), xytext=(x_of(parent) + box_w / 2, y[id(parent)]),
                            arrowprops=dict(arrowstyle="->", color="#666666", lw=0.8))
            ax.annotate("", xy=(x - box_w / 2, yy), xytext=(ox + 0.22, yy),
                        arrowprops=dict(arrowstyle="->", color="#666666", lw=0.8))

    ax.set_xlim(-box_w / 2 - 1.0, (n_cols - 1) * step + box_w / 2 + 0.2)
    ax.set_ylim(-tallest / 2 - 0.2, tallest / 2 + 0.2)
    ax.set_aspect("auto")
    ax.axis("off")
    fig.tight_layout()
    return fig


def to_dot(root: Any) -> str:
    """The graph behind ``root`` as Graphviz DOT text (render with ``dot -Tsvg``)."""
    lines = ["digraph minigrad {", "  rankdir=LR;", '  node [fontname="Helvetica"];']
    order = topological_order(root)
    number = {id(node): i for i, node in enumerate(order)}  # stable names: same graph, same text
    for node in order:
        nid = f"n{number[id(node)]}"
        text = _describe(node).replace('"', r"\"")
        lines.append(f'  {nid} [shape=record, label="{{ {text} }}"];')
        if node._parents:
            lines.append(f'  {nid}_op [shape=circle, label="{node._op}"];')
            lines.append(f"  {nid}_op -> {nid};")
            lines.extend(f"  n{number[id(p)]} -> {nid}_op;" for p in node._parents)
    lines.append("}")
    return "\n".join(lines)
