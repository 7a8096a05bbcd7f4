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

from minigrad import Value

from grading.ch02_engine_hints import HINTS, PIECES  # test_hint_spoilers.py reads them here
from grading.ch02_engine_oracle import (
    ancestors, apply_float, apply_minigrad, apply_node, BINARY, chain, close_lists, describe,
    EDGE_CASES, fibonacci_ladder, FORWARD, give_budget, levels_by, moons, network_gradients, Node,
    program_cases, random_dag, random_operands, reference_gradients_of, reference_levels,
    reference_local, run_program, signs, TooManyVisits)


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
