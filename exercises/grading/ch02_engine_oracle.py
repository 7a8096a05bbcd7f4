"""The grader's own engine for chapter 2's exercises (test_ch02_engine.py); not an exercise.

The reference pieces the grader compares with and swaps in (local derivatives, levels,
gradients), its nodes that count how often their parents are read, and the random graphs and
programs the exercises are graded on.
"""

import math
import random

from minigrad.data import make_moons


# --- the grader's own engine: the oracle, and the pieces it swaps in ------------------------
def sigmoid(a):
    return 1.0 / (1.0 + math.exp(-a))


# Exercise 2.3's operations, whose local derivatives chapter 2 does not print: op -> result.
FORWARD = {
    "**": lambda a, b: a ** b,
    "hypot": math.hypot,
    "softplus": lambda a, b: max(a, 0.0) + math.log1p(math.exp(-abs(a))),
    "silu": lambda a, b: a * sigmoid(a),
}
BINARY = ("**", "hypot")


def reference_local(op, a, b, out):
    return {"**": lambda: (b * a ** (b - 1), out * math.log(a)),
            "hypot": lambda: (a / out, b / out), "softplus": lambda: (sigmoid(a),),
            "silu": lambda: (sigmoid(a) * (1.0 + a * (1.0 - sigmoid(a))),)}[op]()


def levels_by(root, parents_of):
    """root and its ancestors grouped by level (leaves 0), reading parents with ``parents_of``."""
    level, stack = {}, [root]
    while stack:
        node = stack[-1]
        if id(node) in level:
            stack.pop()
            continue
        waiting = [p for p in parents_of(node) if id(p) not in level]
        if waiting:
            stack.extend(waiting)
        else:
            stack.pop()
            level[id(node)] = (node, 1 + max((level[id(p)][1] for p in parents_of(node)),
                                             default=-1))
    grouped = [[] for _ in range(level[id(root)][1] + 1)]
    for node, k in level.values():
        grouped[k].append(node)
    return grouped


def reference_levels(root):
    return levels_by(root, lambda node: node.parents)


def reference_gradients_of(module):
    """The grader's gradients, taking the levels from ``module`` (so that it swaps alone)."""
    def gradients(root, inputs):
        grad = {id(root): 1.0}
        for level in reversed(module.levels(root)):
            for node in level:
                for parent, local in zip(node.parents, node.local):
                    grad[id(parent)] = grad.get(id(parent), 0.0) + local * grad[id(node)]
        return [grad.get(id(v), 0.0) for v in inputs]
    return gradients

# --- the operands of exercise 2.3 ------------------------------------------------------------
def random_operands(rng, op):
    """Operands where ``op`` is defined: a > 0 for '**', (a, b) away from (0, 0) for 'hypot'."""
    if op == "**":
        return round(rng.uniform(0.1, 4), 4), round(rng.uniform(-3, 3), 4)
    a = round(rng.uniform(-6, 6), 4)
    return (a, round(rng.choice([-1, 1]) * rng.uniform(0.1, 6), 4)) if op in BINARY else (a, None)


# Where a slip shows most: ln a = 0 at a = 1, a constant exponent 0, an operand on an axis,
# softplus and silu far out on both sides, and silu at 0.
EDGE_CASES = [("**", 1.0, 2.5), ("**", 2.0, 0.0), ("**", 0.5, -1.5), ("**", 3.0, 1.0),
              ("hypot", 0.0, 3.0), ("hypot", -4.0, 0.0), ("hypot", 3.0, -4.0),
              ("softplus", 0.0, None), ("softplus", 30.0, None), ("softplus", -30.0, None),
              ("silu", 0.0, None), ("silu", 30.0, None), ("silu", -30.0, None)]

# --- the grader's nodes, for levels and gradients ------------------------------------------
class TooManyVisits(Exception):
    """The learner's code has asked for parents far more often than the graph has values."""


class Node:
    """A value of the grader's own: data, grad, parents and local, like the stub's ``Value``.

    Reading ``parents`` is counted: code that does not remember what it has worked out goes
    through a value once per path to it, and the paths can be exponentially many. Writing
    ``grad`` is recorded: ``gradients`` must leave it alone.
    """

    def __init__(self, data, parents=(), local=(), label="", budget=None):
        self.data, self._grad, self.written, self.label = data, 0.0, False, label
        self.up, self.local, self.budget = tuple(parents), tuple(local), budget

    @property
    def parents(self):
        if self.budget is not None:
            self.budget[0] -= 1
            if self.budget[0] < 0:
                raise TooManyVisits
        return self.up

    @property
    def grad(self):
        return self._grad

    @grad.setter
    def grad(self, value):
        self._grad, self.written = value, True

    def __repr__(self):
        return self.label or f"Node({self.data:.4g})"


def ancestors(root):
    """root and everything it was computed from (read without spending the budget)."""
    seen, todo = {id(root): root}, [root]
    while todo:
        for parent in todo.pop().up:
            if id(parent) not in seen:
                seen[id(parent)] = parent
                todo.append(parent)
    return list(seen.values())


def give_budget(root):
    nodes = ancestors(root)
    budget = [20 * len(nodes) + 100]
    for node in nodes:
        node.budget = budget

def random_dag(rng, n_inputs, n_ops):
    """Inputs x0.., then values v0.. each made of one or two earlier ones (a value may be used
    twice by the same operation, as in x * x). Returns the values and a description."""
    values = [Node(0.0, label=f"x{i}") for i in range(n_inputs)]
    lines = []
    for k in range(n_ops):
        pool = values[-6:] if rng.random() < 0.7 else values  # mostly recent: deep graphs
        parents = [rng.choice(pool) for _ in range(rng.choice([1, 2, 2]))]
        values.append(Node(0.0, parents, label=f"v{k}"))
        lines.append(f"v{k} = f({', '.join(p.label for p in parents)})")
    values[-1].label = "root"
    return values, "; ".join(lines).replace(f"v{n_ops - 1} =", "root =")


def chain(n):
    """x, then n operations one after the other: a graph n deep."""
    nodes = [Node(1.0, label="x")]
    for k in range(n):
        nodes.append(Node(1.0, (nodes[-1],), (1.0,), label=f"v{k}"))
    nodes[-1].label = "root"
    return nodes


def fibonacci_ladder(n, local=()):
    """Each value made of the two before it: about 1.6**n paths from root to x0."""
    nodes = [Node(0.0, label="x0"), Node(0.0, label="x1")]
    for k in range(n):
        nodes.append(Node(0.0, (nodes[-1], nodes[-2]), local, label=f"v{k}"))
    nodes[-1].label = "root"
    return nodes

# --- the programs that gradients is graded on ------------------------------------------------
PROGRAM_OPS = ("+", "*", "*", "tanh", "relu", "**", "exp")


def chapter_forward(op, a, b):
    return {"+": lambda: a + b, "*": lambda: a * b, "**": lambda: a ** b,
            "exp": lambda: math.exp(a), "tanh": lambda: math.tanh(a),
            "relu": lambda: max(a, 0.0)}[op]()


def chapter_local(op, a, b, out):
    """The local derivatives of the chapter's operations, as minigrad stores them."""
    return {"+": lambda: (1.0, 1.0), "*": lambda: (b, a), "**": lambda: (b * a ** (b - 1),),
            "exp": lambda: (out,), "tanh": lambda: (1.0 - out * out,),
            "relu": lambda: (1.0 if a > 0 else 0.0,)}[op]()


def random_program(rng, n_inputs, n_ops):
    """Operations on earlier values (the same one may be both operands), as (op, i, j)."""
    program = []
    for k in range(n_ops):
        n = n_inputs + k
        i = rng.randrange(max(0, n - 5), n) if rng.random() < 0.7 else rng.randrange(n)
        program.append((rng.choice(PROGRAM_OPS), i, rng.randrange(n)))
    return program


def run_program(program, inputs, apply):
    values = list(inputs)
    for op, i, j in program:
        values.append(apply(op, values[i], values[j]))
    return values


def apply_float(op, a, b):
    return chapter_forward(op, a, 2.0 if op == "**" else b if op in "+*" else None)


def apply_minigrad(op, a, b):
    return {"+": lambda: a + b, "*": lambda: a * b, "**": lambda: a ** 2.0, "exp": a.exp,
            "tanh": a.tanh, "relu": a.relu}[op]()


def apply_node(op, a, b):
    operands = (a, b) if op in "+*" else (a,)
    second = 2.0 if op == "**" else b.data if op in "+*" else None
    out = chapter_forward(op, a.data, second)
    return Node(out, operands, chapter_local(op, a.data, second, out))


def describe(program, n_inputs):
    name = [f"x{i}" for i in range(n_inputs)] + [f"v{k}" for k in range(len(program))]
    name[-1] = "root"
    text = {"+": "{} + {}", "*": "{} * {}", "**": "{} ** 2", "exp": "{}.exp()",
            "tanh": "{}.tanh()", "relu": "{}.relu()"}
    return "; ".join(f"{name[n_inputs + k]} = " + text[op].format(name[i], name[j])
                     for k, (op, i, j) in enumerate(program))


def program_cases():
    rng = random.Random(2306)
    cases = []
    while len(cases) < 30:
        n_inputs = rng.randint(1, 4)
        program = random_program(rng, n_inputs, rng.randint(1, 12))
        inputs = [round(rng.uniform(-1.5, 1.5), 3) for _ in range(n_inputs)]
        values = run_program(program, inputs, apply_float)
        kinks = [values[i] for op, i, _ in program if op == "relu"]
        if all(abs(v) < 50 for v in values) and all(abs(v) > 1e-3 for v in kinks):
            cases.append((inputs, program))  # no overflow, no ReLU on its kink
    return cases



# --- the loss of loss_gradient ---------------------------------------------------------------
def network_gradients(module, model, points, targets):
    """The mean softplus loss over all the points and its gradients, every weight used by each.

    The loss goes through the learner's local derivatives (softplus), the network through the
    given operations: a wrong piece of the engine shows in these gradients."""
    loss = sum(((-t * model(x)).softplus() for x, t in zip(points, targets)), 0.0) * (
        1 / len(points))
    model.zero_grad()
    loss.backward()
    return loss.data, [p.grad for p in model.parameters()]


def moons(n, seed):
    points, labels = make_moons(n, noise=0.1, seed=seed)
    return [[float(a), float(b)] for a, b in points], [int(c) for c in labels]


def signs(labels):
    return [1.0 if c == 1 else -1.0 for c in labels]


def close_lists(got, want):
    return len(got) == len(want) and all(
        math.isclose(g, w, rel_tol=1e-7, abs_tol=1e-9) for g, w in zip(got, want))
