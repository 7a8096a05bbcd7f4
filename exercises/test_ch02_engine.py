"""Graders for chapter 2, part two (exercises/ch02_engine.py): the engine the learner builds.

``local_derivatives`` is asked for operations whose local derivatives chapter 2 does not give,
and compared with float64 central differences and with the grader's own formulas (minigrad is
switched off while the learner's code runs). ``levels`` and ``gradients`` run on the grader's
own nodes, so that each exercise is graded on its own: random graphs whose values are shared,
a graph with about 10**12 paths, and a chain of 5,000 operations; the nodes count how often
their parents are read and record any write to their ``grad``. ``loss_gradient`` differentiates
a loss on the learner's whole engine; when its gradients are wrong, the grader swaps the learner's
pieces for its own, one at a time, and names the piece whose swap fixes it.
"""

import contextlib
import math
import random
import types

import pytest

import minigrad
from minigrad import Value
from minigrad.data import make_moons

COMMAND = "pytest exercises/test_ch02_engine.py -m ch02.{}"
PIECES = ("local_derivatives", "levels", "gradients")   # what loss_gradient runs on

HINTS = {
    "local_shape": {
        "en": "Return a tuple with one local derivative per operand: two for '**' and 'hypot' "
              "(for a, then for b), one for 'softplus' and 'silu'.",
        "ca": "Retorna una tupla amb una derivada local per a cada operand: dues per a '**' i "
              "'hypot' (per a a, després per a b), una per a 'softplus' i 'silu'.",
    },
    "**": {
        "en": "out = a ** b with both a and b values. For a, hold b fixed: the chapter's power "
              "rule. For b, hold a fixed: the variable is now in the exponent, so write a as "
              "e ** ln(a) and use the exponential's rule with the chain rule.",
        "ca": "out = a ** b amb a i b tots dos valors. Per a a, deixa b fix: la regla de la "
              "potència del capítol. Per a b, deixa a fix: ara la variable és a l'exponent, "
              "així que escriu a com a e ** ln(a) i aplica la regla de l'exponencial amb la "
              "regla de la cadena.",
    },
    "hypot": {
        "en": "out = sqrt(a ** 2 + b ** 2), the square root of u = a ** 2 + b ** 2. By the "
              "chain rule: the derivative of the square root (a power, exponent 1/2) at u, "
              "times the derivative of u with respect to a (then b). Did you multiply by that "
              "second factor? The square root itself is out, which simplifies the result.",
        "ca": "out = sqrt(a ** 2 + b ** 2), l'arrel quadrada d'u = a ** 2 + b ** 2. Per la "
              "regla de la cadena: la derivada de l'arrel (una potència d'exponent 1/2) en u, "
              "per la derivada d'u respecte d'a (després de b). Has multiplicat per aquest "
              "segon factor? L'arrel mateixa és out, i això simplifica el resultat.",
    },
    "softplus": {
        "en": "out = ln(1 + e ** a): by the chain rule, the logarithm's derivative at 1 + e ** a "
              "times the derivative of 1 + e ** a. Simplify the fraction: which function of the "
              "chapter's list is it, taken at a or at -a? Since e ** out = 1 + e ** a, out gives "
              "it too.",
        "ca": "out = ln(1 + e ** a): per la regla de la cadena, la derivada del logaritme en "
              "1 + e ** a per la derivada d'1 + e ** a. Simplifica la fracció: quina funció de "
              "la llista del capítol és, avaluada en a o en -a? Com que e ** out = 1 + e ** a, "
              "també la pots obtenir d'out.",
    },
    "silu": {
        "en": "out = a * sigmoid(a) is a product of two functions of a, so use the product rule: "
              "each factor's derivative times the other factor, added. The sigmoid's derivative "
              "is in the chapter's list.",
        "ca": "out = a * sigmoid(a) és un producte de dues funcions d'a: fes servir la regla "
              "del producte, la derivada de cada factor per l'altre factor, sumades. La derivada "
              "de la sigmoide és a la llista del capítol.",
    },
    "own_local": {
        "en": "Write the derivatives with the formulas (math.log, math.exp, ...): minigrad is "
              "switched off in this exercise, because the exercise is to derive them.",
        "ca": "Escriu les derivades amb les fórmules (math.log, math.exp, ...): minigrad està "
              "desactivat en aquest exercici, perquè l'exercici és deduir-les.",
    },
    "levels_list": {
        "en": "Return a list of lists of the values themselves (the objects, not their data or "
              "labels): one list per level, level 0 first.",
        "ca": "Retorna una llista de llistes dels valors mateixos (els objectes, no les dades ni "
              "les etiquetes): una llista per nivell, començant pel nivell 0.",
    },
    "levels_once": {
        "en": "A value reached by several paths appears more than once in your levels. How does "
              "your code know that it has already placed a value?",
        "ca": "Un valor al qual s'arriba per diversos camins surt més d'un cop als teus nivells. "
              "Com sap el teu codi que ja ha col·locat un valor?",
    },
    "levels_blowup": {
        "en": "Your code goes through the same values again and again (the number of paths grows "
              "exponentially with a graph's depth). What could it remember so that no value's "
              "level is ever worked out twice?",
        "ca": "El teu codi passa pels mateixos valors una vegada i una altra (el nombre de camins "
              "creix exponencialment amb la profunditat del graf). Què podria recordar perquè no "
              "hagi de calcular mai dues vegades el nivell d'un valor?",
    },
    "levels_members": {
        "en": "Return root and every value it was computed from, going up through .parents, "
              "and nothing else.",
        "ca": "Retorna root i tots els valors dels quals s'ha calculat, pujant per .parents, i "
              "res més.",
    },
    "levels_depth": {
        "en": "A value is on the wrong level. Its level depends on every parent, through the "
              "longest way down to a leaf, not the first or the shortest one. When your code "
              "gives a value its level, does it already know the levels of all its parents?",
        "ca": "Un valor és en un nivell equivocat. El seu nivell depèn de tots els pares, pel "
              "camí més llarg fins a una fulla, no pel primer ni pel més curt. Quan el teu codi "
              "dona el nivell a un valor, ja sap els nivells de tots els seus pares?",
    },
    "levels_count": {
        "en": "The list must have one entry per level, from 0 to root's level: root is alone on "
              "the last one, and no level is empty (why can none be?).",
        "ca": "La llista ha de tenir una entrada per nivell, del 0 al nivell de root: root és "
              "sola a l'últim, i cap nivell no és buit (per què no ho pot ser cap?).",
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
        "en": "d(root)/d(root) is not 1, or every gradient is 0. What is the derivative of root "
              "with respect to itself, and who gives it that value, if nothing above root sends "
              "it a gradient?",
        "ca": "d(root)/d(root) no és 1, o tots els gradients són 0. Quina és la derivada de root "
              "respecte d'ella mateixa, i d'on li ve aquest valor, si res per sobre de root no "
              "li envia cap gradient?",
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
              "only when every value that used it has sent it its share: on which levels are "
              "the users of a value, and in which order must you walk the levels?",
        "ca": "Els gradients depenen de l'ordre del teu recorregut. Un valor només pot enviar el "
              "seu gradient quan tots els valors que l'han fet servir ja li han enviat la seva "
              "part: en quins nivells són els que fan servir un valor, i en quin ordre has de "
              "recórrer els nivells?",
    },
    "gradients": {
        "en": "Compare the three parts of your gradients with 'Backpropagation in topological "
              "order' in chapter 2: where the pass starts (root's own gradient), in which order "
              "it visits the values, and how a parent combines the gradients it receives.",
        "ca": "Compara les tres parts del teu gradients amb «La retropropagació en ordre "
              "topològic» al capítol 2: on comença la passada (el gradient de root mateixa), en "
              "quin ordre visita els valors i com combina un pare els gradients que rep.",
    },
    "gradients_list": {
        "en": "Return a list of numbers, one per input and in the order of inputs: the "
              "derivative of root with respect to that input.",
        "ca": "Retorna una llista de nombres, un per entrada i en l'ordre d'inputs: la derivada "
              "de root respecte d'aquella entrada.",
    },
    "untouched": {
        "en": "gradients must return the derivatives and leave every .grad as it was, as "
              "torch.autograd.grad does: keep your numbers somewhere of your own, one per value.",
        "ca": "gradients ha de retornar les derivades i deixar tots els .grad com eren, com fa "
              "torch.autograd.grad: guarda els teus nombres en un lloc teu, un per valor.",
    },
    "unreached": {
        "en": "root was not computed from this input: how much does root move when you nudge "
              "it? Your function must answer for any input it is given.",
        "ca": "root no s'ha calculat a partir d'aquesta entrada: quant es mou root quan la mous "
              "una mica? La teva funció ha de respondre per a qualsevol entrada que rebi.",
    },
    "twice": {
        "en": "A second call on the same graph gives other numbers than the first: what does "
              "your function keep from one call to the next?",
        "ca": "Una segona crida sobre el mateix graf dona nombres diferents dels de la primera: "
              "què guarda la teva funció d'una crida a la següent?",
    },
    "one_pass": {
        "en": "Your function goes through the graph far more often than it has values (once per "
              "input, or once per path). One backward pass gives the derivative of root with "
              "respect to every value of the graph at once: reread chapter 2's 'Backpropagation "
              "in topological order'.",
        "ca": "La teva funció recorre el graf moltes més vegades que valors té (un cop per "
              "entrada, o un cop per camí). Una sola passada enrere dona la derivada de root "
              "respecte de tots els valors del graf alhora: rellegeix «La retropropagació en "
              "ordre topològic» al capítol 2.",
    },
    "own_engine": {
        "en": "Compute the loss with the Values of exercises/ch02_engine.py and your engine: "
              "minigrad is switched off in this exercise, and your gradients must do the work "
              "(loss.backward() calls it).",
        "ca": "Calcula la pèrdua amb els Value d'exercises/ch02_engine.py i el teu motor: "
              "minigrad està desactivat en aquest exercici, i la feina l'ha de fer el teu "
              "gradients (el crida loss.backward()).",
    },
    "result": {
        "en": "Return a pair (loss, grads): the loss as a float (the .data of your loss Value) "
              "and a list with one float per parameter, in the order of model.parameters().",
        "ca": "Retorna un parell (loss, grads): la pèrdua com a float (el .data del Value de "
              "la pèrdua) i una llista amb un float per a cada paràmetre, en l'ordre de "
              "model.parameters().",
    },
    "loss_value": {
        "en": "The loss is the mean over the points of (-t * score).softplus(), with t = +1 "
              "for class 1 and t = -1 for class 0: check the targets, the sign and the "
              "division by the number of points.",
        "ca": "La pèrdua és la mitjana sobre els punts de (-t * score).softplus(), amb t = +1 "
              "per a la classe 1 i t = -1 per a la classe 0: comprova els objectius, el signe "
              "i la divisió pel nombre de punts.",
    },
    "given": {
        "en": "With the grader's own local_derivatives, levels and gradients, the gradients "
              "of the MLP do not match the central differences: the given part of "
              "exercises/ch02_engine.py (Value and its backward, _result, MLP) has been changed. "
              "Put it back as it was.",
        "ca": "Amb local_derivatives, levels i gradients del corrector, els gradients de l'MLP "
              "no coincideixen amb les diferències centrades: s'ha canviat la part donada "
              "d'exercises/ch02_engine.py (Value i el seu backward, _result, MLP). Torna-la a "
              "deixar com era.",
    },
    "loop": {
        "en": "Your engine is right (with the grader's pieces instead of yours nothing changes), "
              "so look at loss_gradient against its docstring: is the whole loss one Value that "
              "backward() goes through, and are the gradients those of model.parameters(), in "
              "their order?",
        "ca": "El teu motor és correcte (amb les peces del corrector en lloc de les teves no "
              "canvia res), així que compara loss_gradient amb el seu docstring: és tota la "
              "pèrdua un sol Value que recorre backward(), i són els gradients els de "
              "model.parameters(), en el seu ordre?",
    },
    "again": {
        "en": "A second call on the same model must give the same gradients, but an input's "
              ".grad accumulates across backward() calls (chapter 2, \"A value used twice: "
              "gradients add up\"): what must happen before each new gradient?",
        "ca": "Una segona crida amb el mateix model ha de donar els mateixos gradients, però el "
              ".grad d'una entrada s'acumula d'una crida de backward() a l'altra (capítol 2, "
              "«Un valor fet servir dues vegades: els gradients se sumen»): què ha de passar "
              "abans de cada gradient nou?",
    },
    "unchanged": {
        "en": "loss_gradient only computes the loss and its gradient: it must leave every "
              "parameter's data as it found it (training, which moves them, is chapter 5's).",
        "ca": "loss_gradient només calcula la pèrdua i el seu gradient: ha de deixar el data de "
              "cada paràmetre tal com l'ha trobat (l'entrenament, que els mou, és del capítol 5).",
    },
    "several": {
        "en": "More than one of your pieces is wrong: no single swap for the grader's own piece "
              "fixes it. Grade them one at a time: " + ", ".join(
                  COMMAND.format(p) for p in PIECES) + ".",
        "ca": "Més d'una de les teves peces falla: cap canvi d'una sola peça per la del "
              "corrector no ho arregla. Corregeix-les d'una en una: " + ", ".join(
                  COMMAND.format(p) for p in PIECES) + ".",
    },
}
for _piece in PIECES:
    HINTS[f"fault_{_piece}"] = {
        "en": f"Your {_piece} is at fault: with the grader's own {_piece} in its place (and "
              f"the rest yours), this works. Grade it alone: `{COMMAND.format(_piece)}`.",
        "ca": f"La culpa és del teu {_piece}: si es posa el {_piece} del corrector al seu lloc "
              f"(i la resta és teu), funciona. Corregeix-lo sol: `{COMMAND.format(_piece)}`.",
    }


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


@pytest.mark.exercise("ch02.local_derivatives", points=2)
class TestLocalDerivatives:
    def check(self, submission, grade, monkeypatch, op, a, b):
        """The learner's derivatives, in a tuple of the right length, and the grader's own."""
        out = FORWARD[op](a, b)
        call = f"local_derivatives({op!r}, {a!r}, {b!r}, out={out!r})"
        grade.trying(call)
        with minigrad_switched_off(monkeypatch, grade, HINTS["own_local"]):
            got = submission.local_derivatives(op, a, b, out)
        want = reference_local(op, a, b, out)
        grade.check(isinstance(got, (tuple, list)) and len(got) == len(want), expected=want,
                    got=got, hint=HINTS["local_shape"])
        return [(f"{call}[{i}]  # d(out)/d{operand}", g)
                for i, (operand, g) in enumerate(zip("ab", got))], want

    def test_against_central_differences(self, submission, grade, monkeypatch):
        # The derivative itself, as the learner's engine will use it: nudge each operand.
        rng, h = random.Random(2304), 1e-6
        for _ in range(25):
            for op in FORWARD:
                a, b = random_operands(rng, op)
                got, _ = self.check(submission, grade, monkeypatch, op, a, b)
                slopes = [(FORWARD[op](a + h, b) - FORWARD[op](a - h, b)) / (2 * h)]
                if op in BINARY:
                    slopes.append((FORWARD[op](a, b + h) - FORWARD[op](a, b - h)) / (2 * h))
                for (call, g), slope in zip(got, slopes):
                    grade.trying(call)
                    grade.close(g, slope, hint=HINTS[op], rel=1e-5, abs=1e-6)

    def test_against_the_exact_derivatives(self, submission, grade, monkeypatch):
        rng = random.Random(2303)
        cases = [(op, *random_operands(rng, op)) for _ in range(10) for op in FORWARD]
        for op, a, b in cases + EDGE_CASES:
            got, want = self.check(submission, grade, monkeypatch, op, a, b)
            for (call, g), w in zip(got, want):
                grade.trying(call)
                grade.close(g, w, hint=HINTS[op], rel=1e-9, abs=1e-12)


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


def guarded(grade, call, blowup_hint, expected):
    """call()'s result; a search that revisits values or recurses fails with its own hint."""
    try:
        return call()
    except TooManyVisits:
        grade.check(False, hint=blowup_hint, expected=expected,
                    got={"en": "the same values visited again and again",
                         "ca": "els mateixos valors visitats una vegada i una altra"})
    except RecursionError:
        grade.check(False, hint=HINTS["recursion"],
                    expected={"en": "a loop", "ca": "un bucle"}, got="RecursionError")


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


def words(n, what_en, what_ca):
    return {"en": f"{n} {what_en}", "ca": f"{n} {what_ca}"}


@pytest.mark.exercise("ch02.levels", points=3)
class TestLevels:
    def run(self, submission, grade, root):
        give_budget(root)
        return guarded(grade, lambda: submission.levels(root), HINTS["levels_blowup"],
                       {"en": "each value worked out once", "ca": "cada valor calculat un cop"})

    def check_levels(self, grade, got, root):
        want = levels_by(root, lambda node: node.up)
        n = sum(map(len, want))
        grade.check(isinstance(got, list) and all(
            isinstance(level, list) and all(isinstance(v, Node) for v in level) for level in got),
            expected=words(len(want), "lists of values in a list", "llistes de valors en una llista"),
            got=got if not isinstance(got, list) or n < 20 else type(got[0]),
            hint=HINTS["levels_list"])
        placed = {}
        for k, level in enumerate(got):
            for v in level:
                placed.setdefault(id(v), []).append(k)
        twice = next((v for level in got for v in level if len(placed[id(v)]) > 1), None)
        if twice is not None:
            grade.check(False, hint=HINTS["levels_once"],
                        expected={"en": "every value once", "ca": "cada valor un cop"},
                        got={"en": f"{twice} {len(placed[id(twice)])} times",
                             "ca": f"{twice} {len(placed[id(twice)])} vegades"})
        wanted = {id(v): k for k, level in enumerate(want) for v in level}
        missing = [v for level in want for v in level if id(v) not in placed]
        extra = [v for level in got for v in level if id(v) not in wanted]
        if missing or extra:
            grade.check(False, hint=HINTS["levels_members"],
                        expected=words(n, "values: root and what it was computed from",
                                       "valors: root i aquells dels quals s'ha calculat"),
                        got={"en": f"{n - len(missing) + len(extra)} values, missing "
                                   f"{missing[:5]}, extra {extra[:5]}",
                             "ca": f"{n - len(missing) + len(extra)} valors; hi falten "
                                   f"{missing[:5]}, hi sobren {extra[:5]}"})
        for level in want:       # the lowest misplaced value: its parents' levels are right
            wrong = next((v for v in level if placed[id(v)][0] != wanted[id(v)]), None)
            if wrong is not None:
                parents = ", ".join(f"{p} on {placed[id(p)][0]}" for p in wrong.up)
                grade.check(False, hint=HINTS["levels_depth"],
                            expected={"en": f"{wrong} on level {wanted[id(wrong)]}",
                                      "ca": f"{wrong} al nivell {wanted[id(wrong)]}"},
                            got={"en": f"{wrong} on level {placed[id(wrong)][0]}"
                                       + (f" (its parents: {parents})" if parents else ""),
                                 "ca": f"{wrong} al nivell {placed[id(wrong)][0]}"
                                       + (f" (els seus pares: {parents.replace(' on ', ' al ')})"
                                          if parents else "")})
        grade.check(len(got) == len(want), hint=HINTS["levels_count"],
                    expected=words(len(want), "levels", "nivells"),
                    got=words(len(got), "lists", "llistes"))

    def test_random_graphs_with_shared_values(self, submission, grade):
        rng = random.Random(2305)
        for _ in range(40):
            values, description = random_dag(rng, rng.randint(1, 4), rng.randint(1, 14))
            grade.trying(f"levels(root) with {description}")
            self.check_levels(grade, self.run(submission, grade, values[-1]), values[-1])

    @pytest.mark.parametrize("case", ["input_alone", "square", "diamond", "chapter", "shortcut"])
    def test_small_graphs(self, submission, grade, case):
        a, b, c, d = (Node(0.0, label=n) for n in "abcd")
        if case == "input_alone":
            root, code = a, "levels(a)"
        elif case == "square":
            root, code = Node(0.0, (a, a), label="y"), "y = a * a"
        elif case == "diamond":
            e, f = Node(0.0, (a,), label="e"), Node(0.0, (a,), label="f")
            root, code = Node(0.0, (e, f), label="y"), "e = f(a); f = g(a); y = e + f"
        elif case == "chapter":
            e = Node(0.0, (a, b), label="e")
            s = Node(0.0, (e, c), label="s")
            root, code = Node(0.0, (s, d), label="L"), "e = a * b; s = e + c; L = s * d"
        else:  # a leaf used by root itself is still on level 0, and a short path decides nothing
            e = Node(0.0, (a,), label="e")
            f = Node(0.0, (e, a), label="f")
            root, code = Node(0.0, (f, b, e), label="y"), "e = f(a); f = g(e, a); y = h(f, b, e)"
        grade.trying(f"{code}; levels({root})")
        self.check_levels(grade, self.run(submission, grade, root), root)

    def test_a_chain_of_5000_operations(self, submission, grade):
        nodes = chain(5000)
        grade.trying("levels(root), root computed from x by 5,000 operations in a row")
        self.check_levels(grade, self.run(submission, grade, nodes[-1]), nodes[-1])

    def test_many_paths_to_the_same_values(self, submission, grade):
        nodes = fibonacci_ladder(60)
        grade.trying("levels(root) where each value is made of the two before it "
                     "(60 of them: about 10**12 paths from root to x0)")
        self.check_levels(grade, self.run(submission, grade, nodes[-1]), nodes[-1])


# --- exercise: gradients ---------------------------------------------------------------------
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


@pytest.mark.exercise("ch02.gradients", points=3)
class TestGradients:
    @pytest.fixture(autouse=True)
    def grader_levels(self, submission, monkeypatch):
        # gradients is graded on its own: it gets the grader's levels.
        monkeypatch.setattr(submission, "levels", reference_levels, raising=False)

    def run(self, submission, grade, root, inputs):
        """The learner's gradients(root, inputs), checked for its form and for .grad left alone."""
        nodes = ancestors(root) + list(inputs)
        got = guarded(grade, lambda: submission.gradients(root, inputs), HINTS["one_pass"],
                      {"en": "one pass through the graph", "ca": "una sola passada pel graf"})
        grade.check(isinstance(got, (list, tuple)) and len(got) == len(inputs) and all(
            isinstance(g, (int, float)) for g in got), hint=HINTS["gradients_list"],
            expected=words(len(inputs), "numbers in a list", "nombres en una llista"),
            got=got if not isinstance(got, (list, tuple)) or len(got) < 20 else
            words(len(got), "items", "elements"))
        touched = next((v for v in nodes if v.written), None)
        grade.check(touched is None, hint=HINTS["untouched"],
                    expected={"en": "every .grad untouched", "ca": "cap .grad modificat"},
                    got={"en": f"{touched}.grad set to {getattr(touched, 'grad', None)}",
                         "ca": f"{touched}.grad canviat a {getattr(touched, 'grad', None)}"})
        return got

    def check_gradients(self, grade, code, inputs, got, expected, hint):
        for v, g, want in zip(inputs, got, expected):
            grade.trying(f"{code}; then d(root)/d({v})")
            grade.close(g, want, hint=hint, rel=1e-7, abs=1e-9)

    def test_random_graphs_against_minigrad(self, submission, grade):
        for inputs, program in program_cases():
            nodes = run_program(program, [Node(x) for x in inputs], apply_node)
            for name, node in zip([f"x{i}" for i in range(len(inputs))] +
                                  [f"v{k}" for k in range(len(program))], nodes):
                node.label = name
            nodes[-1].label = "root"
            code = (f"x = {inputs}; {describe(program, len(inputs))}; "
                    f"gradients(root, {nodes})")
            grade.trying(code)
            got = self.run(submission, grade, nodes[-1], nodes)
            oracle = run_program(program, [Value(x) for x in inputs], apply_minigrad)
            oracle[-1].backward()
            reached = {id(v) for v in ancestors(nodes[-1])}
            hint = HINTS["seed"] if not any(got) else HINTS["gradients"]
            self.check_gradients(grade, code, nodes, got, [v.grad if id(n) in reached else 0.0
                                                           for n, v in zip(nodes, oracle)], hint)
            # A second oracle: the inputs' gradients are the slopes of root itself.
            for i, x in enumerate(inputs):
                def root_of(t, i=i):
                    return run_program(program, inputs[:i] + [t] + inputs[i + 1:],
                                       apply_float)[-1]
                slope = (root_of(x + 1e-6) - root_of(x - 1e-6)) / 2e-6
                grade.close(got[i], slope, hint=HINTS["gradients"], rel=1e-4, abs=1e-5)

    def test_root_is_seeded_with_one(self, submission, grade):
        for x in (0.5, -2.0, 3.0):
            a, b = Node(x, label="a"), Node(4.0, label="b")
            root = Node(x * 4.0, (a, b), (4.0, x), label="root")
            code = f"a, b = {x}, 4.0; root = a * b; gradients(root, [root, a])"
            grade.trying(code)
            got = self.run(submission, grade, root, [root, a])
            self.check_gradients(grade, code, [root, a], got, [1.0, 4.0], HINTS["seed"])

    def test_the_order_goes_back_from_the_root(self, submission, grade):
        # The chapter's L = (a·b + c)·d: walked from the inputs, gradients are sent still 0.
        a, b, c, d = (Node(x, label=n) for x, n in zip((3.0, -2.0, 4.0, -1.5), "abcd"))
        e = Node(-6.0, (a, b), (-2.0, 3.0), label="e")
        s = Node(-2.0, (e, c), (1.0, 1.0), label="s")
        root = Node(3.0, (s, d), (-1.5, -2.0), label="L")
        code = "a, b, c, d = 3, -2, 4, -1.5; e = a * b; s = e + c; L = s * d"
        inputs = [a, b, c, d, e, s]
        grade.trying(f"{code}; gradients(L, {inputs})")
        got = self.run(submission, grade, root, inputs)
        self.check_gradients(grade, code, inputs, got, [3.0, -4.5, -1.5, -2.0, -1.5, -1.5],
                             HINTS["seed"] if not any(got) else HINTS["reverse"])

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
        code = f"x, b = 3.0, -2.0; {code}; gradients(y, [x])"
        grade.trying(code)
        got = self.run(submission, grade, root, [x])
        self.check_gradients(grade, code, [x], got, [want],
                             HINTS["seed"] if not any(got) else HINTS["accumulate"])

    def test_inputs_that_root_does_not_depend_on(self, submission, grade):
        a, b, c = Node(2.0, label="a"), Node(-3.0, label="b"), Node(5.0, label="c")
        z = Node(math.tanh(2.0), (a,), (1.0 - math.tanh(2.0) ** 2,), label="z")
        root = Node(-6.0, (a, b), (-3.0, 2.0), label="y")
        code = "a, b, c = 2.0, -3.0, 5.0; z = a.tanh(); y = a * b"
        inputs = [a, c, z, b]
        grade.trying(f"{code}; gradients(y, {inputs})")
        try:
            got = self.run(submission, grade, root, inputs)
        except KeyError as error:
            grade.check(False, hint=HINTS["unreached"], got=f"KeyError: {error}",
                        expected={"en": "0.0 for c and z", "ca": "0.0 per a c i z"})
        self.check_gradients(grade, code, inputs, got, [-3.0, 0.0, 0.0, 2.0], HINTS["unreached"])

    def test_a_second_call_gives_the_same_gradients(self, submission, grade):
        x, w = Node(0.5, label="x"), Node(-1.2, label="w")
        z = Node(-0.6, (w, x), (0.5, -1.2), label="z")
        t = math.tanh(-0.6)
        root = Node(t, (z,), (1.0 - t * t,), label="y")
        code = "x, w = 0.5, -1.2; z = w * x; y = z.tanh()"
        inputs = [root, z, w, x]
        want = [1.0, 1.0 - t * t, 0.5 * (1 - t * t), -1.2 * (1 - t * t)]
        for call in ("gradients(y, [y, z, w, x])", "gradients(y, [y, z, w, x]) again"):
            code += "; " + call
            grade.trying(code)
            got = self.run(submission, grade, root, inputs)
            self.check_gradients(grade, code, inputs, got, want, HINTS["twice"])

    def test_a_chain_of_5000_operations(self, submission, grade):
        nodes = chain(5000)
        grade.trying("gradients(root, [x]), root computed from x by 5,000 operations in a row")
        got = self.run(submission, grade, nodes[-1], [nodes[0]])
        grade.close(got[0], 1.0, hint=HINTS["gradients"])

    def test_every_gradient_in_one_pass(self, submission, grade):
        # About 10**12 paths, and every value asked for: only one pass of work per value fits.
        nodes = fibonacci_ladder(60, local=(1.0, 1.0))
        want = reference_gradients_of(types.SimpleNamespace(levels=reference_levels))(
            nodes[-1], nodes)
        give_budget(nodes[-1])
        code = ("each value made of the two before it, root = v59 (about 10**12 paths); "
                "gradients(root, [x0, x1, v0, ..., v59])")
        grade.trying(code)
        got = self.run(submission, grade, nodes[-1], nodes)
        self.check_gradients(grade, code, nodes, got, want, HINTS["gradients"])


# --- exercise: the gradient of a loss on your engine ----------------------------------------
def grader_piece(module, piece):
    return {"local_derivatives": reference_local, "levels": reference_levels,
            "gradients": reference_gradients_of(module)}[piece]


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


@pytest.mark.exercise("ch02.loss_gradient", points=4)
class TestLossGradient:
    def learner(self, submission, grade, monkeypatch, model, points, labels):
        """The learner's (loss, grads), minigrad switched off, their gradients() counted."""
        calls, learner_gradients = [], submission.gradients

        def counted_gradients(root, inputs):
            calls.append(root)
            return learner_gradients(root, inputs)
        with minigrad_switched_off(monkeypatch, grade, HINTS["own_engine"]):
            with monkeypatch.context() as patch:
                patch.setattr(submission, "gradients", counted_gradients)
                result = submission.loss_gradient(model, points, labels)
        grade.check(bool(calls), hint=HINTS["own_engine"],
                    expected={"en": "your gradients() called", "ca": "el teu gradients() cridat"},
                    got={"en": "gradients() never called", "ca": "gradients() no cridat"})
        n = len(model.parameters())
        ok = (isinstance(result, (tuple, list)) and len(result) == 2
              and isinstance(result[0], (int, float)) and not isinstance(result[0], bool)
              and isinstance(result[1], (tuple, list)) and len(result[1]) == n
              and all(isinstance(g, (int, float)) for g in result[1]))
        got = repr(result)
        got = got if len(got) <= 200 else got[:200] + " ..."
        grade.check(ok, hint=HINTS["result"], got=got,
                    expected={"en": f"(loss, grads): a float and a list of {n} floats",
                              "ca": f"(loss, grads): un float i una llista de {n} floats"})
        return float(result[0]), [float(g) for g in result[1]]

    def reference(self, submission, grade, monkeypatch, sizes, seed, points, labels):
        """The grader's (loss, grads): the given code with the grader's pieces, proven on a few
        slopes against central differences."""
        targets = signs(labels)
        with swapped(monkeypatch, submission, PIECES):
            model = submission.MLP(sizes, seed=seed)
            loss, want = network_gradients(submission, model, points, targets)
            for i in random.Random(2307).sample(range(len(want)), 4):
                p, h = model.parameters()[i], 1e-6
                p.data += h
                up = sum(FORWARD["softplus"](-t * model(x).data, None)
                         for x, t in zip(points, targets))
                p.data -= 2 * h
                down = sum(FORWARD["softplus"](-t * model(x).data, None)
                           for x, t in zip(points, targets))
                p.data += h
                grade.close(want[i], (up - down) / (2 * h * len(points)), hint=HINTS["given"],
                            rel=1e-4, abs=1e-6)
        return loss, want

    def test_the_loss_and_its_gradients(self, submission, grade, monkeypatch):
        points, labels = moons(30, seed=23)
        grade.trying("points, labels = make_moons(30, noise=0.1, seed=23); "
                     "loss_gradient(MLP([2, 5, 1], seed=11), points, labels)")
        want_loss, want = self.reference(submission, grade, monkeypatch, [2, 5, 1], 11,
                                         points, labels)
        loss, got = self.learner(submission, grade, monkeypatch,
                                 submission.MLP([2, 5, 1], seed=11), points, labels)
        grade.close(loss, want_loss, hint=HINTS["loss_value"])

        def right():
            return close_lists(submission.loss_gradient(
                submission.MLP([2, 5, 1], seed=11), points, labels)[1], want)
        if not close_lists(got, want):
            wrong = sum(not math.isclose(g, w, rel_tol=1e-7, abs_tol=1e-9)
                        for g, w in zip(got, want))
            grade.check(False, hint=fault_hint(fault(monkeypatch, submission, right)),
                        expected={"en": "the same gradients as the grader's own engine",
                                  "ca": "els mateixos gradients que el motor del corrector"},
                        got={"en": f"{wrong} of the {len(want)} parameters' gradients differ",
                             "ca": f"{wrong} dels {len(want)} gradients dels paràmetres són "
                                   f"diferents"})

    def test_no_parameter_changes(self, submission, grade, monkeypatch):
        points, labels = moons(20, seed=7)
        grade.trying("points, labels = make_moons(20, noise=0.1, seed=7); "
                     "model = MLP([2, 4, 1], seed=2); loss_gradient(model, points, labels); "
                     "then every p.data of model.parameters()")
        model = submission.MLP([2, 4, 1], seed=2)
        before = [p.data for p in model.parameters()]
        self.learner(submission, grade, monkeypatch, model, points, labels)
        after = [p.data for p in model.parameters()]
        moved = sum(a != b for a, b in zip(after, before))
        grade.check(moved == 0, hint=HINTS["unchanged"],
                    expected={"en": "every parameter's data unchanged",
                              "ca": "el data de cada paràmetre sense canvis"},
                    got={"en": f"{moved} of the {len(before)} parameters moved",
                         "ca": f"{moved} dels {len(before)} paràmetres s'han mogut"})

    def test_a_second_call_gives_the_same_numbers(self, submission, grade, monkeypatch):
        points, labels = moons(20, seed=5)
        grade.trying("points, labels = make_moons(20, noise=0.1, seed=5); "
                     "model = MLP([2, 8, 1], seed=3); loss_gradient(model, points, labels); "
                     "then loss_gradient(model, points, labels) again")
        model = submission.MLP([2, 8, 1], seed=3)
        _, want = self.learner(submission, grade, monkeypatch, model, points, labels)
        _, again = self.learner(submission, grade, monkeypatch, model, points, labels)
        wrong = sum(not math.isclose(g, w, rel_tol=1e-7, abs_tol=1e-9)
                    for g, w in zip(again, want))
        grade.check(wrong == 0, hint=HINTS["again"],
                    expected={"en": "the same gradients as the first call",
                              "ca": "els mateixos gradients que la primera crida"},
                    got={"en": f"{wrong} of the {len(want)} parameters' gradients differ",
                         "ca": f"{wrong} dels {len(want)} gradients dels paràmetres són "
                               f"diferents"})
