"""Graders for chapter 5 (exercises/ch05_backprop.py): a gradient-descent step, the delta rule.

Every input is drawn anew each run (``--grading-seed`` repeats a run's), and there are many of
them plus edge cases, so an answer written for a few inputs cannot pass. The delta rule is checked
against minigrad's own backpropagation, which is switched off while the learner's code runs:
the exercise is to compute the deltas by hand.
"""

import copy

import pytest

import grading
import minigrad
import minigrad.autograd
from minigrad import Value

HINTS = {
    "gd_pair": {
        "en": "Return a pair (new_w, new_b) of two numbers.",
        "ca": "Retorna una parella (new_w, new_b) de dos nombres.",
    },
    "gd_w": {
        "en": "Check dL/dw against the chain rule on one term (w * x + b - y) ** 2: the factor "
              "the square brings down, the derivative of w * x + b with respect to w, the mean "
              "over the N examples (divide by N), and the minus sign of a step downhill.",
        "ca": "Comprova dL/dw amb la regla de la cadena sobre un terme (w * x + b - y) ** 2: el "
              "factor que fa baixar el quadrat, la derivada de w * x + b respecte de w, la "
              "mitjana sobre els N exemples (divideix per N) i el signe menys d'un pas costa "
              "avall.",
    },
    "gd_b": {
        "en": "dL/db comes from the same chain rule, with the derivative of w * x + b with "
              "respect to b; compute it with the old w, not the updated one, and step downhill.",
        "ca": "dL/db surt de la mateixa regla de la cadena, amb la derivada de w * x + b "
              "respecte de b; calcula-la amb la w antiga, no amb l'actualitzada, i fes el pas "
              "costa avall.",
    },
    "delta_shape": {
        "en": "Return (dw_hidden, dw_output): dw_hidden[j][i] for every hidden neuron j and "
              "input i, dw_output[k][j] for every output k and hidden neuron j, the same shapes "
              "as w_hidden and w_output.",
        "ca": "Retorna (dw_hidden, dw_output): dw_hidden[j][i] per a cada neurona oculta j i "
              "entrada i, dw_output[k][j] per a cada sortida k i neurona oculta j, amb les "
              "mateixes formes que w_hidden i w_output.",
    },
    "delta_output": {
        "en": "dw_output is wrong. Reread 'Backpropagation and the delta rule' in chapter 5 for "
              "an output neuron: which error (target and output, in which order?), the derivative "
              "of the sigmoid at which value, and which number flows into the weight "
              "w_output[k][j]?",
        "ca": "dw_output és incorrecte. Rellegeix «La retropropagació i la regla delta» al "
              "capítol 5 per a una neurona de sortida: quin error (l'objectiu i la sortida, en "
              "quin ordre?), la derivada de la sigmoide en quin valor, i quin nombre entra pel "
              "pes w_output[k][j]?",
    },
    "delta_hidden": {
        "en": "dw_hidden is wrong. Reread how chapter 5 sends the deltas back to a hidden neuron: "
              "which weights carry them (as you were given them, or already changed?), which "
              "derivative multiplies what arrives, and which number flows into the weight "
              "w_hidden[j][i]?",
        "ca": "dw_hidden és incorrecte. Rellegeix com el capítol 5 envia els deltes enrere cap a "
              "una neurona oculta: quins pesos els porten (tal com te'ls han donat, o ja "
              "canviats?), quina derivada multiplica el que hi arriba, i quin nombre entra pel "
              "pes w_hidden[j][i]?",
    },
    "unchanged": {
        "en": "delta_rule must not modify its arguments: build new lists for the changes.",
        "ca": "delta_rule no ha de modificar els arguments: construeix llistes noves per als "
              "canvis.",
    },
}

NO_AUTOGRAD = {
    "en": "ch05.delta_rule: backward() is switched off in this exercise; compute the deltas "
          "with the delta rule.",
    "ca": "ch05.delta_rule: backward() està desactivat en aquest exercici; calcula els deltes "
          "amb la regla delta.",
}
AUTOGRAD = (Value.backward, minigrad.Tensor.backward, minigrad.autograd.backpropagate)


# --- gradient descent ---------------------------------------------------------------------------
def expected_step(w, b, xs, ys, lr):
    n = len(xs)
    dw = sum(2 * (w * x + b - y) * x for x, y in zip(xs, ys)) / n
    db = sum(2 * (w * x + b - y) for x, y in zip(xs, ys)) / n
    return w - lr * dw, b - lr * db


@pytest.mark.exercise("ch05.gradient_descent_step", points=2)
class TestGradientDescentStep:
    def check(self, submission, grade, w, b, xs, ys, lr):
        grade.trying(f"gradient_descent_step({w}, {b}, {xs}, {ys}, {lr})")
        got = submission.gradient_descent_step(w, b, list(xs), list(ys), lr)
        try:
            new_w, new_b = got
        except (TypeError, ValueError):
            grade.check(False, expected={"en": "a pair (new_w, new_b)",
                                         "ca": "una parella (new_w, new_b)"},
                        got=got, hint=HINTS["gd_pair"])
        want_w, want_b = expected_step(w, b, xs, ys, lr)
        grade.close(new_w, want_w, hint=HINTS["gd_w"], rel=1e-9, abs=1e-12)
        grade.close(new_b, want_b, hint=HINTS["gd_b"], rel=1e-9, abs=1e-12)

    def test_random_data_sets(self, submission, grade):
        rng = grading.random(5005)
        for _ in range(30):
            n = rng.randint(1, 12)
            slope, intercept = rng.uniform(-4, 4), rng.uniform(-5, 5)
            xs = [round(rng.uniform(-5, 5), 2) for _ in range(n)]
            ys = [round(slope * x + intercept + rng.gauss(0, 1), 2) for x in xs]
            w, b = round(rng.uniform(-3, 3), 2), round(rng.uniform(-3, 3), 2)
            lr = rng.choice([0.001, 0.01, 0.05, 0.1])
            self.check(submission, grade, w, b, xs, ys, lr)

    @pytest.mark.parametrize("w, b, xs, ys, lr", [
        pytest.param(2.0, 1.0, [0.0, 1.0, 2.0], [1.0, 3.0, 5.0], 0.1, id="already_perfect"),
        pytest.param(0.5, -1.0, [3.0], [4.0], 0.01, id="one_example"),
        pytest.param(1.0, 1.0, [1.0, 2.0], [0.0, 7.0], 0.0, id="zero_learning_rate"),
        pytest.param(0.0, 0.0, [1.0, -1.0], [1.0, -1.0], 0.25, id="start_at_zero"),
        pytest.param(0.0, 10.0, [1.0, 2.0, 3.0, 4.0], [0.0, 0.0, 0.0, 0.0], 0.1,
                     id="only_b_wrong"),
    ])
    def test_edge_cases(self, submission, grade, w, b, xs, ys, lr):
        self.check(submission, grade, w, b, xs, ys, lr)

    def test_repeated_steps_fit_the_line(self, submission, grade):
        # Many steps of a correct update converge to the least-squares line y = 2x + 1.
        xs, ys = [-2.0, -1.0, 0.0, 1.0, 2.0], [-3.0, -1.0, 1.0, 3.0, 5.0]
        w = b = 0.0
        want_w = want_b = 0.0
        for step in range(200):
            grade.trying(f"gradient_descent_step({w!r}, {b!r}, {xs}, {ys}, 0.05) "
                         f"(step {step + 1} of 200, starting from w = b = 0)")
            w, b = submission.gradient_descent_step(w, b, xs, ys, 0.05)
            want_w, want_b = expected_step(want_w, want_b, xs, ys, 0.05)
        grade.close(w, want_w, hint=HINTS["gd_w"], rel=1e-6, abs=1e-9)
        grade.close(b, want_b, hint=HINTS["gd_b"], rel=1e-6, abs=1e-9)
        grade.close(w, 2.0, hint=HINTS["gd_w"], rel=1e-3, abs=1e-3)


# --- the delta rule -----------------------------------------------------------------------------
def autograd_changes(x, y, w_hidden, w_output, lr):
    """-lr · dL/dw for L = ½ Σ_k (y_k − ŷ_k)², computed by minigrad's backpropagation."""
    wh = [[Value(w) for w in row] for row in w_hidden]
    wo = [[Value(w) for w in row] for row in w_output]
    hidden = [sum((row[i] * x[i] for i in range(len(x))), Value(0.0)).sigmoid() for row in wh]
    outputs = [sum((row[j] * hidden[j] for j in range(len(hidden))), Value(0.0)).sigmoid()
               for row in wo]
    loss = sum(((yk - ok) ** 2 for yk, ok in zip(y, outputs)), Value(0.0)) * 0.5
    loss.backward()
    return ([[-lr * w.grad for w in row] for row in wh],
            [[-lr * w.grad for w in row] for row in wo])


def random_case(rng):
    n, h, m = rng.randint(1, 4), rng.randint(1, 4), rng.randint(1, 3)
    x = [round(rng.uniform(-1.5, 1.5), 2) for _ in range(n)]
    y = [round(rng.uniform(0, 1), 2) for _ in range(m)]
    w_hidden = [[round(rng.uniform(-2, 2), 2) for _ in range(n)] for _ in range(h)]
    w_output = [[round(rng.uniform(-2, 2), 2) for _ in range(h)] for _ in range(m)]
    return x, y, w_hidden, w_output, rng.choice([0.1, 0.5, 1.0, 2.0])


# The worked example of the chapter: 2 inputs, 2 hidden neurons, 1 output.
CHAPTER = ([1.0, 0.5], [1.0], [[0.4, 0.3], [-0.6, 0.8]], [[0.9, -0.5]], 0.5)


@pytest.mark.exercise("ch05.delta_rule", points=3)
class TestDeltaRule:
    def check(self, submission, grade, x, y, w_hidden, w_output, lr):
        want_hidden, want_output = autograd_changes(x, y, w_hidden, w_output, lr)
        args = copy.deepcopy((x, y, w_hidden, w_output))
        grade.trying(f"delta_rule({x}, {y}, {w_hidden}, {w_output}, {lr})")
        with grading.SwitchOff(*AUTOGRAD, words=NO_AUTOGRAD):
            got = submission.delta_rule(*args, lr)
        grade.check(args == (x, y, w_hidden, w_output), expected=(x, y, w_hidden, w_output),
                    got=args, hint=HINTS["unchanged"])
        try:
            dw_hidden, dw_output = got
            shapes = ([len(row) for row in dw_hidden], [len(row) for row in dw_output])
        except (TypeError, ValueError):
            shapes = None
        want_shapes = ([len(row) for row in w_hidden], [len(row) for row in w_output])
        grade.check(shapes == want_shapes, expected=(want_hidden, want_output), got=got,
                    hint=HINTS["delta_shape"])
        # The output layer first: its mistakes also spoil the hidden deltas.
        for k, row in enumerate(want_output):
            for j, want in enumerate(row):
                grade.trying(f"dw_hidden, dw_output = delta_rule({x}, {y}, {w_hidden}, "
                             f"{w_output}, {lr}); dw_output[{k}][{j}]")
                grade.close(dw_output[k][j], want, hint=HINTS["delta_output"],
                            rel=1e-6, abs=1e-10)
        for j, row in enumerate(want_hidden):
            for i, want in enumerate(row):
                grade.trying(f"dw_hidden, dw_output = delta_rule({x}, {y}, {w_hidden}, "
                             f"{w_output}, {lr}); dw_hidden[{j}][{i}]")
                grade.close(dw_hidden[j][i], want, hint=HINTS["delta_hidden"],
                            rel=1e-6, abs=1e-10)

    def test_the_chapters_example(self, submission, grade):
        self.check(submission, grade, *CHAPTER)

    def test_random_networks(self, submission, grade):
        rng = grading.random(5050)
        for _ in range(30):
            self.check(submission, grade, *random_case(rng))

    @pytest.mark.parametrize("case", [
        pytest.param(([0.7], [0.2], [[1.5]], [[-1.0]], 1.0), id="one_of_each"),
        pytest.param(([1.0, -1.0, 0.5], [0.0, 1.0], [[0.5, 1.0, -0.3], [-0.5, 0.2, 0.9]],
                      [[1.2, 0.4], [-0.7, 0.6]], 0.5), id="two_outputs"),
        pytest.param(([0.0, 0.0], [1.0], [[1.0, 3.0], [2.0, 4.0]], [[1.0, 1.0]], 1.0),
                     id="zero_input"),
    ])
    def test_edge_cases(self, submission, grade, case):
        self.check(submission, grade, *case)
