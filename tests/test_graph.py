"""Graph pictures: one box per node, one circle per operation, DOT text to match."""

import re

import matplotlib

matplotlib.use("Agg")

from minigrad import Value, draw_graph, to_dot  # noqa: E402


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
    assert any(t.startswith("a | data 2.0000 | grad -2.0000") for t in texts)
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
