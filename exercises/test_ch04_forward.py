"""Graders for chapter 4 (exercises/ch04_forward.py): forward pass, linear collapse, ReLU kinks.

Every input is drawn anew each run (``--grading-seed`` repeats a run's), and there are many of
them plus edge cases, so an answer written for a few inputs cannot pass. The networks and prediction
functions are the grader's own: never the learner's, so the three exercises stay independent.
"""

import math

import pytest

import grading

HINTS = {
    "forward": {
        "en": "Reread the forward pass of chapter 4: which numbers make up a hidden neuron's net "
              "input (its weights, the inputs, its bias), where is the activation applied, and "
              "how does the output neuron combine the hidden outputs?",
        "ca": "Rellegeix la passada endavant del capítol 4: quins nombres formen l'entrada neta "
              "d'una neurona oculta (els seus pesos, les entrades, el seu biaix), on s'aplica "
              "l'activació i com combina la neurona de sortida les sortides ocultes?",
    },
    "output_linear": {
        "en": "The output neuron is linear: do not apply the activation to the prediction "
              "(with ReLU it could then never be negative). Only the hidden neurons use it.",
        "ca": "La neurona de sortida és lineal: no apliquis l'activació a la predicció (amb "
              "ReLU no podria ser mai negativa). Només la fan servir les neurones ocultes.",
    },
    "collapse_shape": {
        "en": "Return a pair (weights, bias): a list with one weight per input (as many as each "
              "hidden neuron has), and one number.",
        "ca": "Retorna una parella (weights, bias): una llista amb un pes per entrada (tants "
              "com en té cada neurona oculta) i un nombre.",
    },
    "collapse_weights": {
        "en": "Without activations each hidden output is its net input. Write the prediction out "
              "by hand for a network with two inputs and two hidden neurons, and collect the "
              "terms that multiply x_1: they make the first weight of your linear model. Test it "
              "on the chapter's network, whose collapse is 12 x1 + 180 x2 - 298.",
        "ca": "Sense activacions, cada sortida oculta és la seva entrada neta. Escriu a mà la "
              "predicció d'una xarxa amb dues entrades i dues neurones ocultes i agrupa els "
              "termes que multipliquen x_1: formen el primer pes del teu model lineal. Prova'l "
              "amb la xarxa del capítol, que es col·lapsa en 12 x1 + 180 x2 - 298.",
    },
    "collapse_bias": {
        "en": "Expand the prediction by hand and look for the terms that contain no input at "
              "all. On the chapter's network your bias must come out as -298.",
        "ca": "Desenvolupa la predicció a mà i busca els termes que no contenen cap entrada. "
              "Amb la xarxa del capítol, el teu biaix ha de donar -298.",
    },
    "kinks_shape": {
        "en": "Return a pair (kinks, slopes): a list of the inputs where the slope changes, in "
              "increasing order, and a list with one more number, the slope of each piece.",
        "ca": "Retorna una parella (kinks, slopes): una llista de les entrades on canvia el "
              "pendent, en ordre creixent, i una llista amb un nombre més, el pendent de cada "
              "tram.",
    },
    "kinks_where": {
        "en": "Not the inputs where the slope changes. A neuron switches where its net input is "
              "0: solve w x + b = 0. Does a neuron whose weight is 0 ever switch? And if two "
              "neurons switch at the same x, or their changes of slope cancel out there, how "
              "many kinks are there? Compute the slope just left and just right of each point.",
        "ca": "No són les entrades on canvia el pendent. Una neurona s'encén o s'apaga on la "
              "seva entrada neta és 0: resol w x + b = 0. Una neurona de pes 0 canvia mai "
              "d'estat? I si dues neurones canvien al mateix x, o els seus canvis de pendent "
              "s'anul·len, quants colzes hi ha? Calcula el pendent just a l'esquerra i just a la "
              "dreta de cada punt.",
    },
    "kinks_slopes": {
        "en": "The kinks are right but not the slopes. On a piece, which neurons are on? A "
              "neuron with a negative weight is on to the left of its switch, not to the right. "
              "How much does one neuron that is on change the prediction when x grows by 1: "
              "which two weights does that take?",
        "ca": "Els colzes són correctes, però els pendents no. En un tram, quines neurones són "
              "enceses? Una neurona de pes negatiu és encesa a l'esquerra del seu canvi, no a la "
              "dreta. Quant canvia la predicció una neurona encesa quan x creix en 1: quins dos "
              "pesos hi intervenen?",
    },
}

ACTIVATIONS = {
    "relu": lambda z: max(0.0, z),
    "tanh": math.tanh,
    "sigmoid": lambda z: 1.0 / (1.0 + math.exp(-z)),
    "step": lambda z: 1.0 if z >= 0 else 0.0,
    "identity": lambda z: z,
}


def reference_forward(x, hidden_weights, hidden_biases, output_weights, output_bias, f):
    hidden = [f(sum(w * xi for w, xi in zip(ws, x)) + b)
              for ws, b in zip(hidden_weights, hidden_biases)]
    return sum(v * h for v, h in zip(output_weights, hidden)) + output_bias


def random_network(rng, n_inputs, n_hidden):
    def r():
        return round(rng.uniform(-3, 3), 2)
    return ([[r() for _ in range(n_inputs)] for _ in range(n_hidden)],
            [r() for _ in range(n_hidden)], [r() for _ in range(n_hidden)], r())


# The chapter's wage network: inputs (education, tech job), two hidden ReLU neurons.
CHAPTER = ([[2.0, 30.0], [1.0, 15.0]], [-50.0, -24.0], [5.0, 2.0], 0.0)


@pytest.mark.exercise("ch04.forward", points=2)
class TestForward:
    def test_random_networks(self, submission, grade):
        rng = grading.random(4004)
        for trial in range(40):
            n_inputs, n_hidden = rng.randint(1, 4), rng.randint(1, 5)
            weights, biases, out_w, out_b = random_network(rng, n_inputs, n_hidden)
            x = [round(rng.uniform(-5, 5), 2) for _ in range(n_inputs)]
            name = list(ACTIVATIONS)[trial % len(ACTIVATIONS)]
            grade.trying(f"forward({x}, {weights}, {biases}, {out_w}, {out_b}, {name})")
            got = submission.forward(x, weights, biases, out_w, out_b, ACTIVATIONS[name])
            grade.close(got, reference_forward(x, weights, biases, out_w, out_b,
                                               ACTIVATIONS[name]), hint=HINTS["forward"])

    def test_output_neuron_is_linear(self, submission, grade):
        # Negative output weights: the prediction is negative, which a ReLU output cannot be.
        for x in ([1.0, 2.0], [3.0, -1.0], [0.5, 0.5]):
            args = ([[1.0, 1.0], [2.0, -1.0]], [0.0, 1.0], [-2.0, -3.0], -1.0)
            grade.trying(f"forward({x}, {args[0]}, {args[1]}, {args[2]}, {args[3]}, relu)")
            got = submission.forward(x, *args, ACTIVATIONS["relu"])
            grade.close(got, reference_forward(x, *args, ACTIVATIONS["relu"]),
                        hint=HINTS["output_linear"])

    @pytest.mark.parametrize("education, tech, expected", [
        (12.0, 0.0, 0.0), (12.0, 1.0, 26.0), (13.0, 0.0, 0.0), (13.0, 1.0, 38.0)])
    def test_the_chapters_wage_network(self, submission, grade, education, tech, expected):
        weights, biases, out_w, out_b = CHAPTER
        grade.trying(f"forward([{education}, {tech}], {weights}, {biases}, {out_w}, {out_b}, "
                     f"relu)")
        got = submission.forward([education, tech], weights, biases, out_w, out_b,
                                 ACTIVATIONS["relu"])
        grade.close(got, expected, hint=HINTS["forward"])

    @pytest.mark.parametrize("args", [
        pytest.param(([2.0], [[0.5]], [0.0], [3.0], 0.0), id="one_neuron"),
        pytest.param(([1.0, -1.0], [[0.0, 0.0]], [0.0], [7.0], 4.5), id="only_the_output_bias"),
        pytest.param(([0.0, 0.0, 0.0], [[1.0, 2.0, 3.0], [-1.0, 0.5, 2.0]], [-0.5, 0.25],
                      [1.0, 1.0], 0.0), id="zero_input_biases_only"),
    ])
    def test_edge_cases(self, submission, grade, args):
        for name in ("identity", "sigmoid", "relu"):
            grade.trying(f"forward({', '.join(map(repr, args))}, {name})")
            got = submission.forward(*args, ACTIVATIONS[name])
            grade.close(got, reference_forward(*args, ACTIVATIONS[name]), hint=HINTS["forward"])


def reference_collapse(hidden_weights, hidden_biases, output_weights, output_bias):
    weights = [sum(v * ws[i] for v, ws in zip(output_weights, hidden_weights))
               for i in range(len(hidden_weights[0]))]
    return weights, sum(v * b for v, b in zip(output_weights, hidden_biases)) + output_bias


@pytest.mark.exercise("ch04.collapse_linear", points=2)
class TestCollapseLinear:
    def check(self, grade, got, network):
        weights, bias = reference_collapse(*network)
        try:
            got_weights, got_bias = got
            got_weights = [float(w) for w in got_weights]
            ok = len(got_weights) == len(weights)
        except (TypeError, ValueError):
            ok = False
        grade.check(ok, expected=(weights, bias), got=got, hint=HINTS["collapse_shape"])
        for w_got, w in zip(got_weights, weights):
            grade.close(w_got, w, hint=HINTS["collapse_weights"], abs=1e-9)
        grade.close(got_bias, bias, hint=HINTS["collapse_bias"], abs=1e-9)

    def test_the_chapters_wage_network(self, submission, grade):
        # The chapter's collapse: 12 x1 + 180 x2 - 298.
        grade.trying(f"collapse_linear{CHAPTER}")
        self.check(grade, submission.collapse_linear(*CHAPTER), CHAPTER)

    def test_random_networks(self, submission, grade):
        rng = grading.random(4030)
        for _ in range(30):
            # Rectangular weight matrices, so that mixing up i and j cannot pass.
            n_inputs = rng.randint(1, 4)
            n_hidden = rng.choice([k for k in range(1, 6) if k != n_inputs])
            network = random_network(rng, n_inputs, n_hidden)
            grade.trying(f"collapse_linear{network}")
            self.check(grade, submission.collapse_linear(*network), network)

    def test_the_collapse_predicts_like_the_network(self, submission, grade):
        rng = grading.random(4031)
        for _ in range(10):
            network = random_network(rng, 3, 2)
            grade.trying(f"collapse_linear{network}")
            weights, bias = submission.collapse_linear(*network)
            for _ in range(5):
                x = [round(rng.uniform(-5, 5), 2) for _ in range(3)]
                linear = sum(w * xi for w, xi in zip(weights, x)) + bias
                grade.close(linear, reference_forward(x, *network, ACTIVATIONS["identity"]),
                            hint=HINTS["collapse_weights"], abs=1e-7)


def reference_kinks(weights, biases, output_weights):
    """The grader's own way: the slope far to the left, then the jump of the slope at each
    switch (a neuron that switches at c adds v |w| to the slope's jump there)."""
    left = sum(v * w for w, v in zip(weights, output_weights) if w < 0)
    jumps = {}
    for w, b, v in zip(weights, biases, output_weights):
        if w != 0:
            jumps[-b / w] = jumps.get(-b / w, 0) + v * abs(w)
    kinks, slopes = [], [left]
    for x in sorted(jumps):
        if jumps[x] != 0:
            kinks.append(x)
            slopes.append(slopes[-1] + jumps[x])
    return kinks, slopes


@pytest.mark.exercise("ch04.relu_kinks", points=2)
class TestReluKinks:
    def check(self, submission, grade, weights, biases, output_weights):
        kinks, slopes = reference_kinks(weights, biases, output_weights)
        grade.trying(f"relu_kinks({weights}, {biases}, {output_weights})")
        got = submission.relu_kinks(list(weights), list(biases), list(output_weights))
        try:
            got_kinks, got_slopes = [float(k) for k in got[0]], [float(s) for s in got[1]]
            ok = len(got) == 2 and len(got_slopes) == len(got_kinks) + 1
        except (TypeError, ValueError, IndexError, KeyError):
            ok = False
        grade.check(ok, expected=(kinks, slopes), got=got, hint=HINTS["kinks_shape"])
        grade.check(len(got_kinks) == len(kinks)
                    and all(abs(g - k) <= 1e-9 * (1 + abs(k)) for g, k in zip(got_kinks, kinks)),
                    expected=kinks, got=got_kinks, hint=HINTS["kinks_where"])
        grade.check(all(abs(g - s) <= 1e-9 * (1 + abs(s)) for g, s in zip(got_slopes, slopes)),
                    expected=slopes, got=got_slopes, hint=HINTS["kinks_slopes"])

    @pytest.mark.parametrize("x2", [0.0, 1.0])
    def test_the_chapters_wage_network_along_education(self, submission, grade, x2):
        # With x2 fixed, w_j2 * x2 joins the bias: outside tech the kinks are at 24 and 25 years,
        # in tech at 9 and 10, with the slopes 0, 2 and 12 in both.
        (hidden_weights, hidden_biases, output_weights, _) = CHAPTER
        biases = [b + w[1] * x2 for w, b in zip(hidden_weights, hidden_biases)]
        self.check(submission, grade, [w[0] for w in hidden_weights], biases, output_weights)

    def test_random_networks(self, submission, grade):
        # Small whole numbers: some weights are 0, some neurons switch at the same x, and every
        # slope is exact, so a slope that does not change is exactly the same number.
        rng = grading.random(4041)
        for _ in range(40):
            n = rng.randint(1, 6)
            weights = [rng.randint(-3, 3) for _ in range(n)]
            biases = [rng.randint(-4, 4) for _ in range(n)]
            output_weights = [rng.randint(-3, 3) for _ in range(n)]
            self.check(submission, grade, weights, biases, output_weights)

    @pytest.mark.parametrize("weights, biases, output_weights", [
        pytest.param([-1.0], [2.0], [3.0], id="negative_weight_on_to_the_left"),
        pytest.param([1.0, 2.0], [-1.0, -2.0], [1.0, 1.0], id="two_neurons_one_kink"),
        pytest.param([1.0, 1.0], [0.0, 0.0], [1.0, -1.0], id="cancelling_neurons"),
        pytest.param([1.0, -1.0], [0.0, 0.0], [1.0, -1.0], id="relu_x_minus_relu_minus_x"),
        pytest.param([0.0, 1.0], [5.0, 0.0], [4.0, 1.0], id="zero_weight_bends_nothing"),
        pytest.param([1.0, 1.0], [0.0, -1.0], [0.0, 2.0], id="zero_output_weight"),
        pytest.param([0.5, -4.0, 3.0], [1.5, 2.0, -0.75], [2.0, 0.5, -1.0], id="three_kinks"),
    ])
    def test_edge_cases(self, submission, grade, weights, biases, output_weights):
        self.check(submission, grade, weights, biases, output_weights)
