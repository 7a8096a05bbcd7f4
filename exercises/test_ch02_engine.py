"""Graders for chapter 2, part two (exercises/ch02_engine.py): the engine the learner builds.

``local_derivatives`` is compared with central differences and with minigrad's own operations
(switched off while the learner's code runs). ``topological_order`` and ``backward`` run on the
grader's own nodes, so that each exercise is graded on its own: random graphs whose values are
shared, and a chain of 5,000 operations. ``train_moons`` trains on the learner's whole engine;
when the result is wrong, the grader swaps the learner's pieces for its own, one at a time, and
names the piece whose swap fixes it.
"""

import contextlib
import math
import random

import pytest

import minigrad
from minigrad import Value
from minigrad.data import make_moons

COMMAND = "pytest exercises/test_ch02_engine.py -m ch02.{}"

HINTS = {
    "local_shape": {
        "en": "Return a tuple with one local derivative per operand that is a Value: two for "
              "'+' and '*' (for a, then for b), one for '**', 'exp', 'tanh' and 'relu' (the "
              "exponent of '**' is a plain number, not an operand).",
        "ca": "Retorna una tupla amb una derivada local per a cada operand que és un Value: dues "
              "per a '+' i '*' (per a a, després per a b), una per a '**', 'exp', 'tanh' i "
              "'relu' (l'exponent de '**' és un nombre, no un operand).",
    },
    "+": {
        "en": "out = a + b: nudge a by a small h; how much does out move? And when you nudge b? "
              "Each local derivative is (how much out moves) / h, a number.",
        "ca": "out = a + b: si mous a una quantitat petita h, quant es mou out? I si mous b? "
              "Cada derivada local és (quant es mou out) / h, un nombre.",
    },
    "*": {
        "en": "out = a * b: nudge a by a small h; how much does out move, and which of the two "
              "numbers does that depend on? Check the order too: for a, then for b.",
        "ca": "out = a * b: si mous a una quantitat petita h, quant es mou out, i de quin dels "
              "dos nombres depèn? Comprova també l'ordre: per a a, després per a b.",
    },
    "**": {
        "en": "out = a ** b with b a fixed number: reread the power rule in chapter 2's list of "
              "local derivatives and compare both the factor in front and the exponent with "
              "yours.",
        "ca": "out = a ** b amb b un nombre fix: rellegeix la regla de la potència a la llista de "
              "derivades locals del capítol 2 i compara-hi tant el factor del davant com "
              "l'exponent dels teus.",
    },
    "exp": {
        "en": "Reread exp in chapter 2's list of local derivatives: what is special about its "
              "derivative, and which number you already have, a or out, is equal to it?",
        "ca": "Rellegeix exp a la llista de derivades locals del capítol 2: què té d'especial la "
              "seva derivada, i quin nombre que ja tens, a o out, hi és igual?",
    },
    "tanh": {
        "en": "Reread tanh in chapter 2's list of local derivatives: its derivative is written "
              "with tanh itself. Which number is tanh(a) here, and do you use the input a or the "
              "output out?",
        "ca": "Rellegeix tanh a la llista de derivades locals del capítol 2: la seva derivada "
              "s'escriu amb la mateixa tanh. Quin nombre és aquí tanh(a), i fas servir l'entrada "
              "a o la sortida out?",
    },
    "relu": {
        "en": "ReLU is made of two straight pieces: what is the slope of each one, and which "
              "piece does the kink a = 0 belong to (PyTorch's convention)? A local derivative is "
              "a slope, a number, not a itself.",
        "ca": "La ReLU està feta de dos trossos rectes: quin és el pendent de cadascun, i a quin "
              "tros pertany el punt a = 0 (el conveni de PyTorch)? Una derivada local és un "
              "pendent, un nombre, no la mateixa a.",
    },
    "own_local": {
        "en": "Write the derivatives with the formulas (math.tanh, math.exp, ...): minigrad is "
              "switched off in this exercise, because the exercise is to know them.",
        "ca": "Escriu les derivades amb les fórmules (math.tanh, math.exp, ...): minigrad està "
              "desactivat en aquest exercici, perquè l'exercici és saber-les.",
    },
    "topo_list": {
        "en": "Return a list of the values themselves (the objects, not their data or labels).",
        "ca": "Retorna una llista dels valors mateixos (els objectes, no les dades ni les "
              "etiquetes).",
    },
    "topo_once": {
        "en": "A value reached by several paths appears more than once in your order. How does "
              "your search know that it has already been through a value?",
        "ca": "Un valor al qual s'arriba per diversos camins surt més d'un cop al teu ordre. Com "
              "sap la teva cerca que ja ha passat per un valor?",
    },
    "topo_blowup": {
        "en": "Your search goes through the same values again and again (the number of paths "
              "grows exponentially with a graph's depth). What could it remember so that no value "
              "is ever gone through twice?",
        "ca": "La teva cerca passa pels mateixos valors una vegada i una altra (el nombre de "
              "camins creix exponencialment amb la profunditat del graf). Què podria recordar "
              "perquè no passi mai dues vegades per cap valor?",
    },
    "topo_members": {
        "en": "Return root and every value it was computed from, going up through .parents, "
              "and nothing else.",
        "ca": "Retorna root i tots els valors dels quals s'ha calculat, pujant per .parents, i "
              "res més.",
    },
    "topo_parents_first": {
        "en": "A value comes before one of its parents, or root is not last. At which moment of a "
              "depth-first search do you know that all of a value's parents are already in the "
              "order? Reread 'Backpropagation in topological order' in chapter 2.",
        "ca": "Un valor surt abans d'un dels seus pares, o root no és l'últim. En quin moment "
              "d'una cerca en profunditat saps que tots els pares d'un valor ja són a l'ordre? "
              "Rellegeix «La retropropagació en ordre topològic» al capítol 2.",
    },
    "recursion": {
        "en": "Python stops a recursion after about 1,000 nested calls, and this graph is 5,000 "
              "operations deep. Use a while loop and a list as your own stack instead of a "
              "function that calls itself.",
        "ca": "Python atura una recursió al cap d'unes 1.000 crides niades, i aquest graf té "
              "5.000 operacions de profunditat. Fes servir un bucle while i una llista com a "
              "pila pròpia en lloc d'una funció que es crida a si mateixa.",
    },
    "seed": {
        "en": "root.grad is not 1 when its gradient is sent to its parents (or after backward). "
              "What is the derivative of root with respect to itself, and who sets it, if nothing "
              "above root sends it a gradient?",
        "ca": "root.grad no és 1 quan el seu gradient s'envia als pares (o després de backward). "
              "Quina és la derivada de root respecte d'ella mateixa, i qui la hi posa, si res per "
              "sobre de root no li envia cap gradient?",
    },
    "accumulate": {
        "en": "A value used twice (x * x, or a in a * b + a) ends up with the contribution of one "
              "use only. Reread 'A value used twice: gradients add up' in chapter 2: what must "
              "happen to the contribution that arrives second?",
        "ca": "Un valor que es fa servir dues vegades (x * x, o a en a * b + a) acaba amb la "
              "contribució d'un sol ús. Rellegeix «Un valor fet servir dues vegades: els "
              "gradients se sumen» al capítol 2: què ha de passar amb la contribució que arriba "
              "en segon lloc?",
    },
    "reverse": {
        "en": "The gradients depend on the order of your walk. A value may send its gradient on "
              "only when every value that used it has sent it its share: in which direction must "
              "you walk the topological order for that to hold?",
        "ca": "Els gradients depenen de l'ordre del teu recorregut. Un valor només pot enviar el "
              "seu gradient quan tots els valors que l'han fet servir ja li han enviat la seva "
              "part: en quin sentit has de recórrer l'ordre topològic perquè sigui així?",
    },
    "backward": {
        "en": "Compare the three parts of your backward with 'Backpropagation in topological "
              "order' in chapter 2: where the pass starts (root's own gradient), in which order "
              "it visits the values, and how a parent combines the gradients it receives.",
        "ca": "Compara les tres parts del teu backward amb «La retropropagació en ordre "
              "topològic» al capítol 2: on comença la passada (el gradient de root mateixa), en "
              "quin ordre visita els valors i com combina un pare els gradients que rep.",
    },
    "reset": {
        "en": "A second backward() gives wrong gradients. The inputs' gradients must accumulate, "
              "as in PyTorch; but the intermediate values still hold what the first pass left in "
              "them. Which gradients must start from 0 again at each pass, and which must not?",
        "ca": "Un segon backward() dona gradients incorrectes. Els gradients de les entrades "
              "s'han d'acumular, com a PyTorch; però els valors intermedis encara guarden el que "
              "hi va deixar la primera passada. Quins gradients han de tornar a començar de 0 a "
              "cada passada, i quins no?",
    },
    "own_engine": {
        "en": "Train the MLP of exercises/ch02_engine.py, made of your Values: minigrad is "
              "switched off in this exercise, and your backward must do the work.",
        "ca": "Entrena l'MLP d'exercises/ch02_engine.py, fet dels teus Value: minigrad està "
              "desactivat en aquest exercici, i la feina l'ha de fer el teu backward.",
    },
    "model": {
        "en": "Return the trained model itself (the MLP): the grader calls model([x1, x2]) and "
              "reads .data of the score it returns.",
        "ca": "Retorna el model entrenat mateix (l'MLP): el corrector crida model([x1, x2]) i "
              "llegeix .data de la puntuació que retorna.",
    },
    "given": {
        "en": "With the grader's own local_derivatives, topological_order and backward, the "
              "gradients of the MLP do not match the central differences: the given part of "
              "exercises/ch02_engine.py (Value, _result, MLP) has been changed. Put it back as "
              "it was.",
        "ca": "Amb local_derivatives, topological_order i backward del corrector, els gradients "
              "de l'MLP no coincideixen amb les diferències centrades: s'ha canviat la part "
              "donada d'exercises/ch02_engine.py (Value, _result, MLP). Torna-la a deixar com "
              "era.",
    },
    "loop": {
        "en": "Your engine is right (with the grader's pieces instead of yours nothing changes), "
              "so look at your training loop against the docstring: which targets make the sign "
              "of the score the class, what happens to the gradients left by the previous "
              "example, which way does a step go, and are there enough steps?",
        "ca": "El teu motor és correcte (amb les peces del corrector en lloc de les teves no "
              "canvia res), així que compara el teu bucle d'entrenament amb el docstring: quins "
              "objectius fan que el signe de la puntuació sigui la classe, què passa amb els "
              "gradients que ha deixat l'exemple anterior, en quin sentit va un pas, i hi ha prou "
              "passos?",
    },
    "several": {
        "en": "More than one of your pieces is wrong: no single swap for the grader's own piece "
              "fixes it. Grade them one at a time: " + ", ".join(
                  COMMAND.format(p) for p in ("local_derivatives", "topological_order",
                                              "backward")) + ".",
        "ca": "Més d'una de les teves peces falla: cap canvi d'una sola peça per la del "
              "corrector no ho arregla. Corregeix-les d'una en una: " + ", ".join(
                  COMMAND.format(p) for p in ("local_derivatives", "topological_order",
                                              "backward")) + ".",
    },
}
for _piece in ("local_derivatives", "topological_order", "backward"):
    HINTS[f"fault_{_piece}"] = {
        "en": f"Your {_piece} is at fault: with the grader's own {_piece} in its place (and "
              f"the rest yours), this works. Grade it alone: `{COMMAND.format(_piece)}`.",
        "ca": f"La culpa és del teu {_piece}: si es posa el {_piece} del corrector al seu lloc "
              f"(i la resta és teu), funciona. Corregeix-lo sol: `{COMMAND.format(_piece)}`.",
    }


# --- the grader's own engine: the oracle, and the pieces it swaps in ------------------------
def reference_local(op, a, b, out):
    return {"+": lambda: (1.0, 1.0), "*": lambda: (b, a), "**": lambda: (b * a ** (b - 1),),
            "exp": lambda: (out,), "tanh": lambda: (1.0 - out * out,),
            "relu": lambda: (1.0 if a > 0 else 0.0,)}[op]()


def reference_order(root):
    order, visited, stack = [], {id(root)}, [(root, iter(root.parents))]
    while stack:
        node, parents = stack[-1]
        for parent in parents:
            if id(parent) not in visited:
                visited.add(id(parent))
                stack.append((parent, iter(parent.parents)))
                break
        else:
            stack.pop()
            order.append(node)
    return order


def reference_backward_of(module):
    """The grader's backward, taking the topological order from ``module`` (so it swaps alone)."""
    def backward(root):
        order = module.topological_order(root)
        for node in order:
            if node.parents:
                node.grad = 0.0
        root.grad += 1.0
        for node in reversed(order):
            for parent, local in zip(node.parents, node.local):
                parent.grad += local * node.grad
    return backward


class UsedMinigrad(Exception):
    """Raised when the learner's code builds a minigrad Value while minigrad is switched off."""


@contextlib.contextmanager
def minigrad_switched_off(monkeypatch, grade, hint):
    def refuse(self, *args, **kwargs):
        raise UsedMinigrad("minigrad.Value is switched off in this exercise / "
                           "minigrad.Value està desactivat en aquest exercici")
    try:
        with monkeypatch.context() as patch:
            patch.setattr(Value, "__init__", refuse)
            yield
    except UsedMinigrad:
        grade.check(False, hint=hint, expected={"en": "your own code", "ca": "el teu codi"},
                    got={"en": "a call to minigrad", "ca": "una crida a minigrad"})


# --- exercise: local derivatives ------------------------------------------------------------
def forward(op, a, b):
    return {"+": lambda: a + b, "*": lambda: a * b, "**": lambda: a ** b,
            "exp": lambda: math.exp(a), "tanh": lambda: math.tanh(a),
            "relu": lambda: max(a, 0.0)}[op]()


def minigrad_local(op, a, b):
    x = Value(a)
    node = {"+": lambda: x + Value(b), "*": lambda: x * Value(b), "**": lambda: x ** b,
            "exp": x.exp, "tanh": x.tanh, "relu": x.relu}[op]()
    return node._local


def local_cases():
    """(op, a, b): random operands for every operation, and the edge cases."""
    rng = random.Random(2303)
    cases = []
    for _ in range(12):
        a, b = round(rng.uniform(-4, 4), 3), round(rng.uniform(-4, 4), 3)
        cases += [("+", a, b), ("*", a, b), ("exp", a, None), ("tanh", a, None),
                  ("relu", a if abs(a) > 1e-3 else 1.0, None)]
        cases.append(("**", round(rng.uniform(0.2, 3), 3), rng.choice([0.5, 1.5, -1.0, 2.5])))
        cases.append(("**", a if a != 0 else 1.5, rng.choice([0.0, 1.0, 2.0, 3.0, -2.0])))
    cases += [("*", 0.0, 5.0), ("*", 2.0, 2.0), ("relu", 0.0, None), ("tanh", 0.0, None),
              ("tanh", 20.0, None), ("exp", 0.0, None), ("**", -2.0, 3.0), ("+", 1e6, -1e-6)]
    return cases


@pytest.mark.exercise("ch02.local_derivatives", points=2)
class TestLocalDerivatives:
    def check(self, submission, grade, monkeypatch, op, a, b):
        out = forward(op, a, b)
        grade.trying(f"local_derivatives({op!r}, {a!r}, {b!r}, out={out!r})")
        with minigrad_switched_off(monkeypatch, grade, HINTS["own_local"]):
            got = submission.local_derivatives(op, a, b, out)
        want = minigrad_local(op, a, b)
        grade.check(isinstance(got, (tuple, list)) and len(got) == len(want), expected=want,
                    got=got, hint=HINTS["local_shape"])
        for g, w in zip(got, want):
            grade.close(g, w, hint=HINTS[op], rel=1e-9, abs=1e-12)
        return got

    def test_against_minigrad(self, submission, grade, monkeypatch):
        for op, a, b in local_cases():
            self.check(submission, grade, monkeypatch, op, a, b)

    def test_against_central_differences(self, submission, grade, monkeypatch):
        # The derivative itself, as the learner's engine will use it: nudge each operand.
        rng, h = random.Random(2304), 1e-6
        for _ in range(20):
            for op in ("+", "*", "**", "exp", "tanh", "relu"):
                a = round(rng.uniform(0.1, 2.5) if op == "**" else rng.uniform(-3, 3), 4)
                b = rng.choice([2.0, 3.0, 0.5]) if op == "**" else (
                    round(rng.uniform(-3, 3), 4) if op in "+*" else None)
                got = self.check(submission, grade, monkeypatch, op, a, b)
                slopes = [(forward(op, a + h, b) - forward(op, a - h, b)) / (2 * h)]
                if op in "+*":
                    slopes.append((forward(op, a, b + h) - forward(op, a, b - h)) / (2 * h))
                for g, slope in zip(got, slopes):
                    grade.close(g, slope, hint=HINTS[op], rel=1e-5, abs=1e-6)

    def test_the_output_is_the_operations_result(self, submission, grade, monkeypatch):
        # out is given exactly as the operation computed it: exp and tanh may use it.
        for a in (-2.0, -0.5, 0.3, 1.0, 2.5):
            for op in ("exp", "tanh"):
                self.check(submission, grade, monkeypatch, op, a, None)


# --- the grader's nodes, for topological_order and backward ---------------------------------
class TooManyVisits(Exception):
    """The learner's search has asked for parents far more often than the graph has values."""


class Node:
    """A value of the grader's own: data, grad, parents and local, like the stub's ``Value``.

    Reading ``parents`` is counted: a search without a visited set goes through a value once
    per path to it, and the paths can be exponentially many.
    """

    def __init__(self, data, parents=(), local=(), label="", budget=None):
        self.data, self.grad, self.label = data, 0.0, label
        self.up, self.local, self.budget = tuple(parents), tuple(local), budget

    @property
    def parents(self):
        if self.budget is not None:
            self.budget[0] -= 1
            if self.budget[0] < 0:
                raise TooManyVisits
        return self.up

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


def fibonacci_ladder(n):
    """Each value made of the two before it: about 1.6**n paths from root to x0."""
    nodes = [Node(0.0, label="x0"), Node(0.0, label="x1")]
    for k in range(n):
        nodes.append(Node(0.0, (nodes[-1], nodes[-2]), label=f"v{k}"))
    nodes[-1].label = "root"
    return nodes


def words(n, what_en, what_ca):
    return {"en": f"{n} {what_en}", "ca": f"{n} {what_ca}"}


@pytest.mark.exercise("ch02.topological_order", points=3)
class TestTopologicalOrder:
    def run(self, submission, grade, root):
        give_budget(root)
        try:
            got = submission.topological_order(root)
        except TooManyVisits:
            grade.check(False, hint=HINTS["topo_blowup"],
                        expected={"en": "each value visited once", "ca": "cada valor visitat un cop"},
                        got={"en": "the same values visited again and again",
                             "ca": "els mateixos valors visitats una vegada i una altra"})
        except RecursionError:
            grade.check(False, hint=HINTS["recursion"],
                        expected={"en": "a loop", "ca": "un bucle"}, got="RecursionError")
        return got

    def check_order(self, grade, got, root):
        want = ancestors(root)
        grade.check(isinstance(got, list) and all(isinstance(v, Node) for v in got),
                    expected=words(len(want), "values in a list", "valors en una llista"),
                    got=got if not isinstance(got, list) or len(got) < 20 else type(got[0]),
                    hint=HINTS["topo_list"])
        counts = {}
        for v in got:
            counts[id(v)] = counts.get(id(v), 0) + 1
        twice = next((v for v in got if counts[id(v)] > 1), None)
        if twice is not None:
            grade.check(False, hint=HINTS["topo_once"],
                        expected={"en": "every value once", "ca": "cada valor un cop"},
                        got={"en": f"{twice} {counts[id(twice)]} times",
                             "ca": f"{twice} {counts[id(twice)]} vegades"})
        wanted = {id(v) for v in want}
        missing = [v for v in want if id(v) not in counts]
        extra = [v for v in got if id(v) not in wanted]
        if missing or extra:
            grade.check(False, hint=HINTS["topo_members"],
                        expected=words(len(want), "values: root and what it was computed from",
                                       "valors: root i aquells dels quals s'ha calculat"),
                        got={"en": f"{len(got)} values, missing {missing[:5]}, extra {extra[:5]}",
                             "ca": f"{len(got)} valors; hi falten {missing[:5]}, hi sobren "
                                   f"{extra[:5]}"})
        position = {id(v): i for i, v in enumerate(got)}
        for v in got:
            late = next((p for p in v.up if position[id(p)] > position[id(v)]), None)
            if late is not None:
                grade.check(False, hint=HINTS["topo_parents_first"],
                            expected={"en": f"{v}'s parents before {v}",
                                      "ca": f"els pares de {v} abans de {v}"},
                            got={"en": f"{late} after {v}", "ca": f"{late} després de {v}"})

    def test_random_graphs_with_shared_values(self, submission, grade):
        rng = random.Random(2305)
        for _ in range(40):
            values, description = random_dag(rng, rng.randint(1, 4), rng.randint(1, 14))
            grade.trying(f"topological_order(root) with {description}")
            self.check_order(grade, self.run(submission, grade, values[-1]), values[-1])

    @pytest.mark.parametrize("case", ["input_alone", "square", "diamond", "chapter"])
    def test_small_graphs(self, submission, grade, case):
        a, b, c, d = (Node(0.0, label=n) for n in "abcd")
        if case == "input_alone":
            root, code = a, "topological_order(a)"
        elif case == "square":
            root, code = Node(0.0, (a, a), label="y"), "y = a * a"
        elif case == "diamond":
            e, f = Node(0.0, (a,), label="e"), Node(0.0, (a,), label="f")
            root, code = Node(0.0, (e, f), label="y"), "e = f(a); f = g(a); y = e + f"
        else:
            e = Node(0.0, (a, b), label="e")
            s = Node(0.0, (e, c), label="s")
            root, code = Node(0.0, (s, d), label="L"), "e = a * b; s = e + c; L = s * d"
        grade.trying(f"{code}; topological_order({root})")
        self.check_order(grade, self.run(submission, grade, root), root)

    def test_a_chain_of_5000_operations(self, submission, grade):
        nodes = chain(5000)
        grade.trying("topological_order(root), root computed from x by 5,000 operations "
                     "in a row")
        self.check_order(grade, self.run(submission, grade, nodes[-1]), nodes[-1])

    def test_many_paths_to_the_same_values(self, submission, grade):
        nodes = fibonacci_ladder(60)
        grade.trying("topological_order(root) where each value is made of the two before it "
                     "(60 of them: about 10**12 paths from root to x0)")
        self.check_order(grade, self.run(submission, grade, nodes[-1]), nodes[-1])


# --- exercise: backward ---------------------------------------------------------------------
PROGRAM_OPS = ("+", "*", "*", "tanh", "relu", "**", "exp")


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
    return forward(op, a, 2.0 if op == "**" else b if op in "+*" else None)


def apply_minigrad(op, a, b):
    return {"+": lambda: a + b, "*": lambda: a * b, "**": lambda: a ** 2.0, "exp": a.exp,
            "tanh": a.tanh, "relu": a.relu}[op]()


def apply_node(op, a, b):
    operands = (a, b) if op in "+*" else (a,)
    second = 2.0 if op == "**" else b.data if op in "+*" else None
    out = forward(op, a.data, second)
    return Node(out, operands, reference_local(op, a.data, second, out))


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


@pytest.mark.exercise("ch02.backward", points=3)
class TestBackward:
    @pytest.fixture(autouse=True)
    def grader_order(self, submission, monkeypatch):
        # backward is graded on its own: it gets the grader's topological order.
        monkeypatch.setattr(submission, "topological_order", reference_order, raising=False)

    def check_gradients(self, grade, code, values, expected, hint):
        for v, want in zip(values, expected):
            grade.trying(f"{code}; then {v}.grad")
            grade.close(v.grad, want, hint=hint, rel=1e-7, abs=1e-9)

    def test_random_graphs_against_minigrad(self, submission, grade):
        for inputs, program in program_cases():
            nodes = run_program(program, [Node(x) for x in inputs], apply_node)
            for name, node in zip([f"x{i}" for i in range(len(inputs))] +
                                  [f"v{k}" for k in range(len(program))], nodes):
                node.label = name
            nodes[-1].label = "root"
            code = f"x = {inputs}; {describe(program, len(inputs))}; backward(root)"
            grade.trying(code)
            submission.backward(nodes[-1])
            oracle = run_program(program, [Value(x) for x in inputs], apply_minigrad)
            oracle[-1].backward()
            reached = {id(v) for v in ancestors(nodes[-1])}
            hint = HINTS["seed"] if nodes[-1].grad == 0.0 else HINTS["backward"]
            self.check_gradients(grade, code, nodes, [v.grad if id(n) in reached else 0.0
                                                      for n, v in zip(nodes, oracle)], hint)
            # A second oracle: the inputs' gradients are the slopes of root itself.
            for i, x in enumerate(inputs):
                def root_of(t, i=i):
                    return run_program(program, inputs[:i] + [t] + inputs[i + 1:],
                                       apply_float)[-1]
                slope = (root_of(x + 1e-6) - root_of(x - 1e-6)) / 2e-6
                grade.close(nodes[i].grad, slope, hint=HINTS["backward"], rel=1e-4, abs=1e-5)

    def test_root_is_seeded_with_one(self, submission, grade):
        for x in (0.5, -2.0, 3.0):
            a, b = Node(x, label="a"), Node(4.0, label="b")
            root = Node(x * 4.0, (a, b), (4.0, x), label="root")
            grade.trying(f"a, b = {x}, 4.0; root = a * b; backward(root); then root.grad")
            submission.backward(root)
            grade.close(root.grad, 1.0, hint=HINTS["seed"])
            grade.trying(f"a, b = {x}, 4.0; root = a * b; backward(root); then a.grad")
            grade.close(a.grad, 4.0, hint=HINTS["seed"])

    def test_the_order_goes_back_from_the_root(self, submission, grade):
        # The chapter's L = (a·b + c)·d: a forward walk sends gradients that are still 0.
        a, b, c, d = (Node(x, label=n) for x, n in zip((3.0, -2.0, 4.0, -1.5), "abcd"))
        e = Node(-6.0, (a, b), (-2.0, 3.0), label="e")
        s = Node(-2.0, (e, c), (1.0, 1.0), label="s")
        root = Node(3.0, (s, d), (-1.5, -2.0), label="L")
        code = "a, b, c, d = 3, -2, 4, -1.5; e = a * b; s = e + c; L = s * d; backward(L)"
        grade.trying(code)
        submission.backward(root)
        hint = HINTS["seed"] if root.grad == 0.0 else HINTS["reverse"]
        self.check_gradients(grade, code, [a, b, c, d, e, s],
                             [3.0, -4.5, -1.5, -2.0, -1.5, -1.5], hint)

    @pytest.mark.parametrize("case", ["square", "a_times_b_plus_a", "cube"])
    def test_a_value_used_twice(self, submission, grade, case):
        x, b = Node(3.0, label="x"), Node(-2.0, label="b")
        if case == "square":
            root, code, want = Node(9.0, (x, x), (3.0, 3.0), label="y"), "y = x * x", 6.0
        elif case == "a_times_b_plus_a":
            ab = Node(-6.0, (x, b), (-2.0, 3.0))
            root, code, want = Node(-3.0, (ab, x), (1.0, 1.0), label="y"), "y = x * b + x", -1.0
        else:
            xx = Node(9.0, (x, x), (3.0, 3.0))
            root, code, want = Node(27.0, (xx, x), (3.0, 9.0), label="y"), "y = x * x * x", 27.0
        grade.trying(f"x, b = 3.0, -2.0; {code}; backward(y); then x.grad")
        submission.backward(root)
        grade.close(x.grad, want, hint=HINTS["seed"] if root.grad == 0.0 else HINTS["accumulate"])

    def test_a_second_backward_adds_to_the_inputs_only(self, submission, grade):
        x, w = Node(0.5, label="x"), Node(-1.2, label="w")
        z = Node(-0.6, (w, x), (0.5, -1.2), label="z")
        t = math.tanh(-0.6)
        root = Node(t, (z,), (1.0 - t * t,), label="y")
        code = "x, w = 0.5, -1.2; z = w * x; y = z.tanh(); backward(y); backward(y)"
        grade.trying(code)
        submission.backward(root)
        submission.backward(root)
        self.check_gradients(grade, code, [root, z, w, x],
                             [1.0, 1.0 - t * t, 2 * 0.5 * (1 - t * t), 2 * -1.2 * (1 - t * t)],
                             HINTS["reset"])

    def test_a_chain_of_5000_operations(self, submission, grade):
        nodes = chain(5000)
        grade.trying("backward(root), root computed from x by 5,000 operations in a row; "
                     "then x.grad")
        try:
            submission.backward(nodes[-1])
        except RecursionError:
            grade.check(False, hint=HINTS["recursion"],
                        expected={"en": "a loop", "ca": "un bucle"}, got="RecursionError")
        grade.close(nodes[0].grad, 1.0, hint=HINTS["backward"])


# --- exercise: train the moons on your engine -----------------------------------------------
PIECES = ("local_derivatives", "topological_order", "backward")


def grader_piece(module, piece):
    return {"local_derivatives": reference_local, "topological_order": reference_order,
            "backward": reference_backward_of(module)}[piece]


@contextlib.contextmanager
def swapped(monkeypatch, module, pieces):
    """``module`` with the grader's own version of each of ``pieces``."""
    with monkeypatch.context() as patch:
        for piece in pieces:
            patch.setattr(module, piece, grader_piece(module, piece))
        yield


def fault(monkeypatch, module, works):
    """Which of the learner's pieces makes ``works()`` false: a piece, "several" or "loop"."""
    with swapped(monkeypatch, module, PIECES):
        if not works():
            return "loop"
    for piece in PIECES:
        with swapped(monkeypatch, module, [piece]):
            if works():
                return piece
    return "several"


def fault_hint(name):
    return HINTS["several"] if name == "several" else (
        HINTS["loop"] if name == "loop" else HINTS[f"fault_{name}"])


def network_gradients(module, points, targets):
    """The gradients of a mean squared error over all the points, every weight used by each."""
    model = module.MLP([2, 5, 1], seed=11)
    loss = sum(((model(x) - t) ** 2 for x, t in zip(points, targets)), 0.0) * (1 / len(points))
    model.zero_grad()
    loss.backward()
    return model, loss, [p.grad for p in model.parameters()]


def moons(n, seed):
    points, labels = make_moons(n, noise=0.1, seed=seed)
    return [[float(a), float(b)] for a, b in points], [int(c) for c in labels]


def accuracy(module, model, points, labels):
    right = 0
    for x, label in zip(points, labels):
        score = model(list(x))
        if not isinstance(score, module.Value):
            return None
        right += (score.data > 0) == (label == 1)
    return right / len(labels)


@pytest.mark.exercise("ch02.train_moons", points=4)
class TestTrainMoons:
    def check_network_gradients(self, submission, grade, monkeypatch):
        points, labels = moons(30, seed=23)
        targets = [1.0 if c == 1 else -1.0 for c in labels]
        with swapped(monkeypatch, submission, PIECES):
            model, loss, want = network_gradients(submission, points, targets)
            # The oracle is the given code with the grader's pieces: prove it on a few slopes.
            for i in random.Random(2307).sample(range(len(want)), 4):
                p, h = model.parameters()[i], 1e-6
                p.data += h
                up = sum((model(x).data - t) ** 2 for x, t in zip(points, targets))
                p.data -= 2 * h
                down = sum((model(x).data - t) ** 2 for x, t in zip(points, targets))
                p.data += h
                grade.close(want[i], (up - down) / (2 * h * len(points)), hint=HINTS["given"],
                            rel=1e-4, abs=1e-6)

        def right():
            return all(math.isclose(g, w, rel_tol=1e-7, abs_tol=1e-9) for g, w in zip(
                network_gradients(submission, points, targets)[2], want))
        if not right():
            got = network_gradients(submission, points, targets)[2]
            wrong = sum(not math.isclose(g, w, rel_tol=1e-7, abs_tol=1e-9)
                        for g, w in zip(got, want))
            grade.check(False, hint=fault_hint(fault(monkeypatch, submission, right)),
                        expected={"en": "the same gradients as the grader's own engine",
                                  "ca": "els mateixos gradients que el motor del corrector"},
                        got={"en": f"{wrong} of the {len(want)} parameters' gradients differ",
                             "ca": f"{wrong} dels {len(want)} gradients dels paràmetres són "
                                   f"diferents"})

    def test_your_engine_gives_the_network_its_gradients(self, submission, grade, monkeypatch):
        grade.trying("model = MLP([2, 5, 1], seed=11); loss = mean of (model(x) - t) ** 2 over "
                     "30 moons points; loss.backward(); then every parameter's grad")
        self.check_network_gradients(submission, grade, monkeypatch)

    @pytest.mark.timeout(60)
    def test_your_network_learns_the_moons(self, submission, grade, monkeypatch):
        points, labels = moons(100, seed=2026)
        grade.trying("points, labels = make_moons(100, noise=0.1, seed=2026); "
                     "model = train_moons(points, labels)")
        calls, learner_backward = [], submission.backward

        def counted_backward(root):
            calls.append(root)
            return learner_backward(root)
        with minigrad_switched_off(monkeypatch, grade, HINTS["own_engine"]):
            with monkeypatch.context() as patch:
                patch.setattr(submission, "backward", counted_backward)
                try:
                    model, diverged = submission.train_moons(points, labels), None
                except (OverflowError, ZeroDivisionError) as error:  # find out why below
                    model, diverged = None, f"{type(error).__name__}: {error}"
            grade.check(bool(calls), hint=HINTS["own_engine"],
                        expected={"en": "backward() called while training",
                                  "ca": "backward() cridat durant l'entrenament"},
                        got={"en": "backward() never called", "ca": "backward() no cridat"})
            if diverged is None:
                trained = accuracy(submission, model, points, labels) if callable(model) else None
                grade.check(trained is not None, hint=HINTS["model"], got=type(model).__name__,
                            expected={"en": "an MLP of your Values",
                                      "ca": "un MLP dels teus Value"})
                if trained >= 0.95:
                    return
        # Not learnt. First the cheap suspect, the gradients; then the training itself.
        tried = grade.tried
        self.check_network_gradients(submission, grade, monkeypatch)
        grade.trying(tried)

        def learns():
            try:
                again = submission.train_moons(points, labels)
            except (OverflowError, ZeroDivisionError):
                return False
            return (accuracy(submission, again, points, labels) or 0.0) >= 0.95
        got = {"en": f"an accuracy of {trained:.0%}",
               "ca": f"una exactitud del {trained:.0%}"} if diverged is None else {
            "en": f"training diverged ({diverged})", "ca": f"l'entrenament divergeix ({diverged})"}
        grade.check(False, hint=fault_hint(fault(monkeypatch, submission, learns)),
                    expected={"en": "an accuracy of 95% or more on the training points",
                              "ca": "una exactitud del 95% o més sobre els punts "
                                    "d'entrenament"}, got=got)
