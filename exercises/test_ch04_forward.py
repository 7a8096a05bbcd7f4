"""Graders for chapter 4 (exercises/ch04_forward.py): forward pass, interaction table and effect.

Every input is drawn anew each run (``--grading-seed`` repeats a run's), and there are many of
them plus edge cases, so an answer written for a few inputs cannot pass. The networks and prediction
functions are the grader's own: never the learner's, so the three exercises stay independent.
"""

import math

import pytest

import grading

HINTS = {
    "forward": {
        "en": "For each hidden neuron j: net_j = sum of hidden_weights[j][i] * x[i] over the "
              "inputs, plus hidden_biases[j]; its output is activation(net_j). The prediction "
              "is the sum of output_weights[j] * (output of hidden neuron j), plus output_bias.",
        "ca": "Per a cada neurona oculta j: net_j = suma de hidden_weights[j][i] * x[i] per a "
              "totes les entrades, més hidden_biases[j]; la seva sortida és activation(net_j). "
              "La predicció és la suma de output_weights[j] * (sortida de la neurona oculta j), "
              "més output_bias.",
    },
    "output_linear": {
        "en": "The output neuron is linear: do not apply the activation to the prediction "
              "(with ReLU it could then never be negative). Only the hidden neurons use it.",
        "ca": "La neurona de sortida és lineal: no apliquis l'activació a la predicció (amb "
              "ReLU no podria ser mai negativa). Només la fan servir les neurones ocultes.",
    },
    "table_shape": {
        "en": "Return one row per education, in the order given, and two numbers per row: "
              "first the prediction for tech = 0, then for tech = 1.",
        "ca": "Retorna una fila per a cada valor d'educació, en l'ordre donat, i dos nombres a "
              "cada fila: primer la predicció per a tech = 0 i després per a tech = 1.",
    },
    "table_values": {
        "en": "Cell [r][c] is predict(educations[r], c): the row is the education, the column "
              "the tech job (0, then 1). Use the educations you are given, not always 12 and 13.",
        "ca": "La cel·la [r][c] és predict(educations[r], c): la fila és l'educació i la "
              "columna, la feina tecnològica (0 i després 1). Fes servir les educacions que "
              "reps, no sempre 12 i 13.",
    },
    "effect": {
        "en": "Compute the raise of one more year in each job, predict(education + 1, tech) - "
              "predict(education, tech), and return the raise for tech = 1 minus the raise for "
              "tech = 0 (a model without interaction gives 0).",
        "ca": "Calcula l'augment d'un any més d'estudis a cada feina, predict(education + 1, "
              "tech) - predict(education, tech), i retorna l'augment per a tech = 1 menys "
              "l'augment per a tech = 0 (un model sense interacció dona 0).",
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


def random_predictors(rng):
    """(description, predict) pairs: linear models, interactions and small ReLU networks."""
    found = []
    for _ in range(6):
        a, b, c = (round(rng.uniform(-20, 40), 1) for _ in range(3))
        found.append((f"lambda e, t: {a} + {b}*e + {c}*t", lambda e, t, a=a, b=b, c=c:
                      a + b * e + c * t))
        d = round(rng.uniform(-5, 10), 1)
        found.append((f"lambda e, t: {a} + {b}*e + t*({c} + {d}*e)",
                      lambda e, t, a=a, b=b, c=c, d=d: a + b * e + t * (c + d * e)))
        net = random_network(rng, 2, rng.randint(1, 4))
        found.append((f"lambda e, t: forward([e, t], *{net}, relu)",
                      lambda e, t, net=net: reference_forward([e, t], *net, ACTIVATIONS["relu"])))
    return found


def chapter_predict(e, t):
    return reference_forward([e, t], *CHAPTER, ACTIVATIONS["relu"])


@pytest.mark.exercise("ch04.interaction_table", points=2)
class TestInteractionTable:
    def check_table(self, grade, got, predict, educations):
        expected = [[predict(e, t) for t in (0, 1)] for e in educations]
        try:
            rows = [list(row) for row in got]
            ok = len(rows) == len(educations) and all(len(row) == 2 for row in rows)
        except TypeError:
            ok = False
        grade.check(ok, expected=expected, got=got, hint=HINTS["table_shape"])
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                grade.close(value, expected[r][c], hint=HINTS["table_values"])

    def test_the_chapters_network_with_the_default_educations(self, submission, grade):
        grade.trying("interaction_table(lambda e, t: forward([e, t], *wage_network, relu))")
        got = submission.interaction_table(chapter_predict)
        self.check_table(grade, got, chapter_predict, (12, 13))

    def test_random_models_and_educations(self, submission, grade):
        rng = grading.random(4013)
        for description, predict in random_predictors(rng):
            start = rng.randint(8, 20)
            educations = tuple(start + k for k in range(rng.randint(1, 4)))
            grade.trying(f"interaction_table({description}, educations={educations})")
            got = submission.interaction_table(predict, educations)
            self.check_table(grade, got, predict, educations)

    def test_rows_follow_the_given_order(self, submission, grade):
        educations = (16, 12, 14)

        def predict(e, t):
            return 20 + 3 * (e - 12) + t * (6 + 9 * (e - 12))
        grade.trying(f"interaction_table(lambda e, t: 20 + 3*(e - 12) + t*(6 + 9*(e - 12)), "
                     f"{educations})")
        got = submission.interaction_table(predict, educations)
        self.check_table(grade, got, predict, educations)


@pytest.mark.exercise("ch04.interaction_effect", points=2)
class TestInteractionEffect:
    def test_random_models(self, submission, grade):
        rng = grading.random(4020)
        for description, predict in random_predictors(rng):
            education = rng.choice([12, 13, 15.5, round(rng.uniform(8, 20), 2)])
            expected = ((predict(education + 1, 1) - predict(education, 1))
                        - (predict(education + 1, 0) - predict(education, 0)))
            grade.trying(f"interaction_effect({description}, {education})")
            got = submission.interaction_effect(predict, education)
            grade.close(got, expected, hint=HINTS["effect"], abs=1e-7)

    # From 12 years on, a year adds 12 in a tech job and 0 outside; at 9 years the hidden
    # neurons are only starting to switch on, and the year adds 2.
    @pytest.mark.parametrize("education, expected", [(12, 12.0), (13, 12.0), (9, 2.0)])
    def test_the_chapters_network(self, submission, grade, education, expected):
        grade.trying(f"interaction_effect(lambda e, t: forward([e, t], *wage_network, relu), "
                     f"{education})")
        got = submission.interaction_effect(chapter_predict, education)
        grade.close(got, expected, hint=HINTS["effect"])

    def test_no_interaction_gives_zero(self, submission, grade):
        grade.trying("interaction_effect(lambda e, t: 5 + 2*e + 30*t, 14)")
        got = submission.interaction_effect(lambda e, t: 5 + 2 * e + 30 * t, 14)
        grade.close(got, 0.0, hint=HINTS["effect"])
