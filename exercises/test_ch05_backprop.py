"""Graders for chapter 5 (exercises/ch05_backprop.py): a gradient-descent step, the delta rule.

Every input is drawn anew each run (``--grading-seed`` repeats a run's), and there are many of
them plus edge cases, so an answer written for a few inputs cannot pass. The delta rule of a
tanh network of any depth is checked against the definition of a gradient, float64 central
differences of the loss; minigrad's own backpropagation is switched off while the learner's
code runs: the exercise is to compute the deltas by hand.
"""

import copy

import numpy as np
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
        "ca": "Comprova dL/dw amb la regla de la cadena aplicada a un terme (w * x + b - y) ** 2: el "
              "factor que fa baixar el quadrat, la derivada de w * x + b respecte de w, la "
              "mitjana dels N exemples (divideix per N) i el signe menys d'un pas costa "
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
        "en": "Return (dweights, dbiases): dweights[l][j][i] for every layer l, receiving neuron "
              "j and sending neuron i, dbiases[l][j] for every layer l and neuron j, the same "
              "shapes as weights and biases.",
        "ca": "Retorna (dweights, dbiases): dweights[l][j][i] per a cada capa l, neurona "
              "receptora j i neurona emissora i, dbiases[l][j] per a cada capa l i neurona j, "
              "amb les mateixes formes que weights i biases.",
    },
    "delta_output": {
        "en": "The changes of the last layer are wrong. Its neurons have no activation: what is "
              "f'(z) for them, so what is an output delta? Check which error (label and output, "
              "in which order?) and which number flows into weights[-1][k][j], and that the "
              "hidden outputs of your forward pass use tanh.",
        "ca": "Els canvis de l'última capa són incorrectes. Les seves neurones no tenen "
              "activació: quina és la seva f'(z), i doncs quin és un delta de sortida? Comprova "
              "quin error (l'etiqueta i la sortida, en quin ordre?) i quin nombre entra pel pes "
              "weights[-1][k][j], i que les sortides ocultes de la teva passada endavant usen "
              "tanh.",
    },
    "delta_hidden": {
        "en": "The changes of a hidden layer are wrong. Reread how chapter 5 sends the deltas "
              "back one layer: which weights carry them (as you were given them, or already "
              "changed?), which derivative multiplies what arrives (that of tanh, not the "
              "sigmoid's of the chapter's example), and which number flows into the weight? In a "
              "deeper network, each hidden layer gets its deltas from the layer just after it.",
        "ca": "Els canvis d'una capa oculta són incorrectes. Rellegeix com el capítol 5 envia "
              "els deltes una capa enrere: quins pesos els porten (tal com te'ls han donat, o ja "
              "canviats?), quina derivada multiplica el que hi arriba (la de tanh, no la de la "
              "sigmoide de l'exemple del capítol), i quin nombre entra pel pes? En una xarxa més "
              "profunda, cada capa oculta rep els deltes de la capa que la segueix.",
    },
    "delta_bias": {
        "en": "The weight changes are right but not the bias changes. Chapter 5 treats a bias "
              "as the weight of an extra input: which input, always the same?",
        "ca": "Els canvis de pesos són correctes, però els dels biaixos no. El capítol 5 tracta "
              "un biaix com el pes d'una entrada més: quina entrada, sempre la mateixa?",
    },
    "unchanged": {
        "en": "deep_delta_rule must not modify its arguments: build new lists for the changes.",
        "ca": "deep_delta_rule no ha de modificar els arguments: construeix llistes noves per "
              "als canvis.",
    },
}

NO_AUTOGRAD = {
    "en": "ch05.deep_delta_rule: backward() is switched off in this exercise; compute the deltas "
          "with the delta rule.",
    "ca": "ch05.deep_delta_rule: backward() està desactivat en aquest exercici; calcula els deltes "
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
def loss(x, y, weights, biases) -> float:
    """L = ½ Σ_k (y_k − ŷ_k)² of the tanh network with a linear output, in float64."""
    h = np.asarray(x, dtype=np.float64)
    for layer, (w, b) in enumerate(zip(weights, biases)):
        z = np.asarray(w, dtype=np.float64) @ h + np.asarray(b, dtype=np.float64)
        h = z if layer == len(weights) - 1 else np.tanh(z)
    return 0.5 * float(np.sum((np.asarray(y, dtype=np.float64) - h) ** 2))


def numerical_changes(x, y, weights, biases, lr, eps=1e-6):
    """-lr · dL/dθ for every weight and bias, by central differences in float64."""
    ws = [np.array(w, dtype=np.float64) for w in weights]
    bs = [np.array(b, dtype=np.float64) for b in biases]

    def change(array, index):
        saved = array[index]
        array[index] = saved + eps
        up = loss(x, y, ws, bs)
        array[index] = saved - eps
        down = loss(x, y, ws, bs)
        array[index] = saved
        return -lr * (up - down) / (2 * eps)

    dweights = [[[change(w, (j, i)) for i in range(w.shape[1])] for j in range(w.shape[0])]
                for w in ws]
    dbiases = [[change(b, j) for j in range(b.shape[0])] for b in bs]
    return dweights, dbiases


def random_case(rng):
    sizes = [rng.randint(1, 4) for _ in range(rng.randint(2, 5))]   # input, hidden…, output
    x = [round(rng.uniform(-1.5, 1.5), 2) for _ in range(sizes[0])]
    y = [round(rng.uniform(-2, 2), 2) for _ in range(sizes[-1])]
    weights = [[[round(rng.uniform(-1.5, 1.5), 2) for _ in range(n_in)] for _ in range(n_out)]
               for n_in, n_out in zip(sizes, sizes[1:])]
    biases = [[round(rng.uniform(-1, 1), 2) for _ in range(n_out)] for n_out in sizes[1:]]
    return x, y, weights, biases, rng.choice([0.1, 0.5, 1.0])


def shape(nested):
    """The lengths of every row of a nested list, or None if it is not one."""
    try:
        return [shape(item) for item in nested] if hasattr(nested[0], "__len__") else len(nested)
    except (TypeError, IndexError, KeyError):
        return None


@pytest.mark.exercise("ch05.deep_delta_rule", points=3)
class TestDeepDeltaRule:
    def check(self, submission, grade, x, y, weights, biases, lr):
        want_w, want_b = numerical_changes(x, y, weights, biases, lr)
        args = copy.deepcopy((x, y, weights, biases))
        call = f"deep_delta_rule({x}, {y}, {weights}, {biases}, {lr})"
        grade.trying(call)
        with grading.SwitchOff(*AUTOGRAD, words=NO_AUTOGRAD):
            got = submission.deep_delta_rule(*args, lr)
        grade.check(args == (x, y, weights, biases), expected=(x, y, weights, biases),
                    got=args, hint=HINTS["unchanged"])
        try:
            dweights, dbiases = got
            shapes = (shape(dweights), shape(dbiases))
        except (TypeError, ValueError):
            shapes = None
        grade.check(shapes == (shape(weights), shape(biases)), expected=(want_w, want_b),
                    got=got, hint=HINTS["delta_shape"])
        # From the output back: a wrong layer also spoils every layer before it.
        last = len(weights) - 1
        for layer in reversed(range(len(weights))):
            hint = HINTS["delta_output" if layer == last else "delta_hidden"]
            for j, row in enumerate(want_w[layer]):
                for i, want in enumerate(row):
                    grade.trying(f"dweights, dbiases = {call}; dweights[{layer}][{j}][{i}]")
                    grade.close(dweights[layer][j][i], want, hint=hint, rel=1e-6, abs=1e-8)
        for layer, row in enumerate(want_b):
            for j, want in enumerate(row):
                grade.trying(f"dweights, dbiases = {call}; dbiases[{layer}][{j}]")
                grade.close(dbiases[layer][j], want, hint=HINTS["delta_bias"], rel=1e-6, abs=1e-8)

    def test_random_networks(self, submission, grade):
        rng = grading.random(5050)
        for _ in range(30):
            self.check(submission, grade, *random_case(rng))

    @pytest.mark.parametrize("case", [
        pytest.param(([0.7], [0.2], [[[1.5]], [[-1.0]]], [[0.3], [0.1]], 1.0), id="one_of_each"),
        pytest.param(([1.0, -0.5], [0.4, -1.0], [[[0.5, -0.8], [0.3, 0.2]]], [[0.1, -0.2]], 0.5),
                     id="no_hidden_layer"),
        pytest.param(([1.0, -1.0, 0.5], [1.0, -1.0],
                      [[[0.5, 1.0, -0.3], [-0.5, 0.2, 0.9]], [[1.2, 0.4], [-0.7, 0.6]],
                       [[0.8, -1.1], [0.3, 0.5]]],
                      [[0.0, 0.1], [-0.2, 0.3], [0.5, -0.5]], 0.5), id="two_hidden_layers"),
        pytest.param(([0.0, 0.0], [1.0], [[[1.0, 3.0], [2.0, 4.0]], [[1.0, 1.0]]],
                      [[0.0, 0.0], [0.0]], 1.0), id="zero_input_zero_bias"),
        pytest.param(([0.5], [0.0], [[[0.2]], [[0.4]], [[-0.6]], [[0.9]]],
                      [[0.1], [0.0], [0.2], [0.3]], 1.0), id="three_hidden_layers_of_one"),
    ])
    def test_edge_cases(self, submission, grade, case):
        self.check(submission, grade, *case)
