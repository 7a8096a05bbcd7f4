"""Graph pictures: one box per node, one circle per operation, DOT text to match."""

import re

import matplotlib

matplotlib.use("Agg")

from minigrad import Value, draw_graph, to_dot  # noqa: E402
from minigrad.graph_drawing import MAX_SIZE  # noqa: E402


def small_graph():
    a, b = Value(2.0, "a"), Value(-3.0, "b")
    c = a * b
    c.label = "c"
    d = c + a          # a is used twice: still one node
    d.label = "d"
    d.backward()
    return d           # nodes: a, b, c, d; operations: *, +


def test_draw_graph_has_one_box_per_node_and_one_circle_per_operation():
    fig = draw_graph(small_graph())
    gids = [p.get_gid() for p in fig.axes[0].patches]
    assert gids.count("value-node") == 4
    assert gids.count("op-node") == 2
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert "a\ndata 2.0000\ngrad -2.0000" in texts
    assert "*" in texts and "+" in texts


def test_to_dot_lists_every_node_and_edge():
    dot = to_dot(small_graph())
    assert dot.startswith("digraph") and dot.rstrip().endswith("}")
    records = re.findall(r"^\s*n\d+ \[shape=record", dot, flags=re.M)
    ops = re.findall(r"^\s*n\d+_op \[shape=circle", dot, flags=re.M)
    edges = re.findall(r"->", dot)
    assert len(records) == 4 and len(ops) == 2
    assert len(edges) == 2 + 2 + 2     # op->result for 2 ops, 2 inputs each


def test_draw_graph_handles_a_bigger_graph():
    xs = [Value(float(i)) for i in range(6)]
    total = xs[0]
    for x in xs[1:]:
        total = (total * x).tanh() + x
    fig = draw_graph(total)
    assert len([p for p in fig.axes[0].patches if p.get_gid() == "value-node"]) == 6 + 3 * 5


def test_to_dot_is_the_same_text_for_the_same_graph():
    assert to_dot(small_graph()) == to_dot(small_graph())


def box_centre(fig, first_line):
    """Where the box whose text starts with ``first_line`` is drawn."""
    [text] = [t for t in fig.axes[0].texts if t.get_text().split("\n")[0] == first_line]
    return text.get_position()


def test_a_leaf_sits_one_column_before_its_first_use():
    x = Value(0.5, "x")
    h = x.tanh().tanh().tanh()
    h.label = "h"
    out = h * Value(3.0, "k")          # a constant used at the very end
    fig = draw_graph(out)
    assert box_centre(fig, "k")[0] == box_centre(fig, "h")[0]
    assert box_centre(fig, "x")[0] < box_centre(fig, "h")[0]


def neuron():
    x1, x2, w1, w2 = Value(2.0, "x1"), Value(0.0, "x2"), Value(-3.0, "w1"), Value(1.0, "w2")
    n = x1 * w1 + x2 * w2 + Value(6.88, "b")
    n.label = "n"
    return n.tanh()


def test_edges_run_between_boxes_not_through_them():
    a, b = Value(2.0, "a"), Value(-3.0, "b")
    used_twice = a * b + a             # a's edge to + skips a column
    for root, n_edges in [(used_twice, 4 + 2), (neuron(), 9 + 5)]:
        ax = draw_graph(root).axes[0]
        edges = [p.get_path().vertices for p in ax.patches if p.get_gid() == "edge"]
        assert len(edges) == n_edges   # one per operand, one per operation's result
        boxes = [p.get_extents().transformed(ax.transData.inverted())
                 for p in ax.patches if p.get_gid() == "value-node"]
        for path in edges:
            for start, end in zip(path[:-1], path[1:]):
                for t in [i / 50 for i in range(1, 50)]:
                    x, y = start + t * (end - start)
                    assert not any(box.x0 < x < box.x1 and box.y0 < y < box.y1 for box in boxes)


def mlp_loss():
    """A 2-4-1 tanh network and its squared error, one operation per node: 50 nodes."""
    xs = [Value(0.5, "x1"), Value(-1.0, "x2")]
    hidden = []
    for i in range(4):
        w = [Value(0.1 * (i + j) - 0.3, f"w{i}{j}") for j in range(2)]
        hidden.append((w[0] * xs[0] + w[1] * xs[1] + Value(0.0, f"b{i}")).tanh())
    out = Value(0.0, "c")
    for i, h in enumerate(hidden):
        out = Value(0.2 * i - 0.3, f"v{i}") * h + out
    loss = (out - 1.0) ** 2
    loss.backward()
    return loss


def tanh_chain(steps):
    y = Value(0.3, "x")
    for i in range(steps):
        y = (y * Value(0.9, f"w{i}")).tanh()
    return y


def test_figures_stay_a_readable_size():
    from minigrad.autograd import topological_order
    root = mlp_loss()
    assert len(topological_order(root)) == 50
    fig = draw_graph(root)
    width, height = fig.get_size_inches()
    assert width <= MAX_SIZE[0] and height <= MAX_SIZE[1]
    assert min(t.get_fontsize() for t in fig.axes[0].texts) >= 7
    chain = draw_graph(tanh_chain(24))          # 73 nodes, 49 columns
    assert chain.get_size_inches()[0] <= MAX_SIZE[0]
    small = draw_graph(neuron())                # small graphs keep the full size
    assert small.get_size_inches()[0] < MAX_SIZE[0]
    assert min(t.get_fontsize() for t in small.axes[0].texts) == 8


def test_draw_graph_fits_a_given_figsize():
    fig = draw_graph(neuron(), figsize=(6.0, 4.0))
    assert tuple(fig.get_size_inches()) == (6.0, 4.0)


def test_to_dot_escapes_record_syntax_in_labels():
    out = Value(1.0, "x{1}") * Value(2.0, 'a|b<c>"d\\e')
    dot = to_dot(out)
    assert r'label="{ x\{1\} | data 1.0000 | grad 0.0000 }"' in dot
    assert r'label="{ a\|b\<c\>\"d\\e | data 2.0000 | grad 0.0000 }"' in dot
    for line in re.findall(r'shape=record, label="(.*)"\];', dot):
        bare = re.sub(r"\\.", "", line)          # drop escaped characters
        assert bare.count("{") == bare.count("}") == 1
        assert bare.count("|") == line.count(" | ")     # every bar left separates fields
        assert "<" not in bare and ">" not in bare and '"' not in bare
