"""Graders for chapter 3 (exercises/ch03_perceptron.py): the perceptron and the logistic neuron.

Every input is drawn anew each run (``--grading-seed`` repeats a run's), and there are many of
them plus edge cases, so an answer written for a few inputs cannot pass. minigrad's own perceptron
and sigmoid are switched off while grading: the exercises ask for them to be written.
"""

import math
import numbers

import pytest

import grading
import minigrad
import minigrad.functional
import minigrad.nn

HINTS = {
    "predict": {
        "en": "Reread the perceptron in chapter 3: which numbers does it add up before comparing "
              "with the threshold, and on which side of the threshold does a sum of exactly 0 "
              "fall?",
        "ca": "Rellegeix el perceptró al capítol 3: quins nombres suma abans de comparar amb el "
              "llindar, i a quin costat del llindar queda una suma d'exactament 0?",
    },
    "update": {
        "en": "Reread 'Rosenblatt's learning rule' in chapter 3: which error scales each change "
              "(target and current output, in which order?), what multiplies it for each weight, "
              "and does the bias learn too, with the same lr?",
        "ca": "Rellegeix «La regla d'aprenentatge de Rosenblatt» al capítol 3: quin error escala "
              "cada canvi (l'objectiu i la sortida actual, en quin ordre?), què el multiplica per "
              "a cada pes, i el biaix també aprèn, amb la mateixa lr?",
    },
    "shape": {
        "en": "Return a pair (new_weights, new_bias): a list with one number per weight, then "
              "one number.",
        "ca": "Retorna una parella (new_weights, new_bias): una llista amb un nombre per pes i, "
              "després, un nombre.",
    },
    "unchanged": {
        "en": "Build a new list of weights instead of modifying the one you received: the caller "
              "may still need the old weights.",
        "ca": "Construeix una llista nova de pesos en lloc de modificar la que reps: el codi "
              "que crida la funció potser encara necessita els pesos antics.",
    },
    "train": {
        "en": "Compare your loop with Rosenblatt's rule in chapter 3: do the weights and the bias "
              "start at zero? Is each example judged before its own update, or after it? Does "
              "each epoch's count start from 0, and does every epoch add exactly one count?",
        "ca": "Compara el teu bucle amb la regla de Rosenblatt del capítol 3: els pesos i el "
              "biaix comencen a zero? Cada exemple es jutja abans de la seva pròpia actualització "
              "o després? El recompte de cada època comença de 0, i cada època n'afegeix "
              "exactament un?",
    },
    "loop_shape": {
        "en": "Return four things, (n, weights, bias, mistakes): a whole number, a list of two "
              "numbers, a number and a whole number.",
        "ca": "Retorna quatre coses, (n, weights, bias, mistakes): un nombre enter, una llista de "
              "dos nombres, un nombre i un nombre enter.",
    },
    "loop_weights": {
        "en": "Not the weights and bias that XOR training keeps coming back to. Run your "
              "train_perceptron on XOR for 1, 2, 3, 4 and 5 epochs and compare the weights and "
              "the bias it returns each time.",
        "ca": "No són els pesos i el biaix als quals torna sempre l'entrenament amb XOR. Executa "
              "el teu train_perceptron amb XOR durant 1, 2, 3, 4 i 5 èpoques i compara els pesos "
              "i el biaix que retorna cada vegada.",
    },
    "loop_epoch": {
        "en": "Not the first epoch at whose end the weights and the bias take the values they "
              "keep for ever after. Compare the end of each epoch with the end of the next one: "
              "which is the first of a run of equal ends?",
        "ca": "No és la primera època al final de la qual els pesos i el biaix prenen els valors "
              "que ja mantenen per sempre. Compara el final de cada època amb el de la següent: "
              "quin és el primer d'una sèrie de finals iguals?",
    },
    "loop_mistakes": {
        "en": "Not the number of mistakes of each epoch in the loop. Count them as "
              "train_perceptron does, each example judged just before its own update, not with "
              "the weights at the end of the epoch.",
        "ca": "No és el nombre d'errors de cada època del bucle. Compta'ls com ho fa "
              "train_perceptron, jutjant cada exemple just abans de la seva pròpia actualització, "
              "no amb els pesos del final de l'època.",
    },
    "logistic": {
        "en": "Not the derivative of the logistic function. Reread 'A smooth threshold: the "
              "logistic function' in chapter 3, where the derivative is written with σ itself, "
              "and check your code at z = 0, where it must give 0.25, and at large |z|, where it "
              "must be near 0.",
        "ca": "No és la derivada de la funció logística. Rellegeix «Un llindar suau: la funció "
              "logística» al capítol 3, on la derivada s'escriu amb σ mateixa, i comprova el "
              "teu codi a z = 0, on ha de donar 0,25, i per a |z| gran, on ha de ser a prop de 0.",
    },
    "rescale": {
        "en": "Write out a weight after a few mistakes: its start plus lr times a sum of inputs "
              "with signs. Which start makes every weighted sum z at new_lr the old z times the "
              "same positive number? Only the sign of z decides whether the perceptron fires.",
        "ca": "Escriu un pes després d'uns quants errors: el seu valor inicial més lr per una "
              "suma d'entrades amb signe. Amb quin punt de partida cada suma ponderada z amb "
              "new_lr és la z d'abans pel mateix nombre positiu? Només el signe de z decideix si "
              "el perceptró s'activa.",
    },
    "start_shape": {
        "en": "Return a pair (weights, bias): a list with one number per weight, then one number.",
        "ca": "Retorna una parella (weights, bias): una llista amb un nombre per pes i, després, "
              "un nombre.",
    },
    "float": {
        "en": "Return a plain number (a float), not a minigrad Value.",
        "ca": "Retorna un nombre normal (un float), no un Value de minigrad.",
    },
}

REFUSAL = {
    "en": "this exercise asks you to write it yourself: minigrad's perceptron and sigmoid are "
          "switched off while it is graded",
    "ca": "aquest exercici demana que l'escriguis tu: el perceptró i la sigmoide de minigrad "
          "estan desactivats mentre es corregeix",
}


# --- the grader's own answers: never the learner's, so graders stay independent ---------------
def predict(weights, bias, x):
    return 1 if sum(w * v for w, v in zip(weights, x)) + bias >= 0 else 0


def update(weights, bias, x, target, lr):
    error = target - predict(weights, bias, x)
    return [w + lr * error * v for w, v in zip(weights, x)], bias + lr * error


def train_from(weights, bias, X, targets, epochs, lr):
    """Rosenblatt's rule from a given start; returns the last weights and bias and the mistakes
    in each epoch."""
    mistakes = []
    for _ in range(epochs):
        wrong = 0
        for x, t in zip(X, targets):
            wrong += predict(weights, bias, x) != t
            weights, bias = update(weights, bias, x, t, lr)
        mistakes.append(wrong)
    return weights, bias, mistakes


def train(X, targets, epochs, lr):
    """Rosenblatt's rule from zero weights and bias, as the chapter trains."""
    return train_from([0.0] * len(X[0]), 0.0, X, targets, epochs, lr)


def logistic_slope(z):
    e = math.exp(-abs(z))            # e^(-|z|) never overflows
    return e / (1 + e) ** 2          # f(1 - f), the same for z and -z


def is_number(v):
    return isinstance(v, numbers.Real) and not isinstance(v, bool)


def numbers_close(got, expected, tol=1e-9):
    return (isinstance(got, (list, tuple)) and len(got) == len(expected)
            and all(is_number(g) and abs(g - e) <= tol * (1 + abs(e)) for g, e in zip(got, expected)))


no_library_perceptron = grading.switched_off(
    minigrad.nn.Perceptron.forward, minigrad.nn.Perceptron.predict, minigrad.nn.Perceptron.fit,
    minigrad.Value.sigmoid, minigrad.Tensor.sigmoid, minigrad.functional.sigmoid, words=REFUSAL)


def random_neuron(rng, n=None):
    n = rng.randint(1, 6) if n is None else n
    weights = [round(rng.uniform(-3, 3), 2) for _ in range(n)]
    return weights, round(rng.uniform(-3, 3), 2), [round(rng.uniform(-3, 3), 2) for _ in range(n)]


@pytest.mark.exercise("ch03.perceptron_predict", points=1)
class TestPerceptronPredict:
    def test_random_neurons(self, submission, grade):
        rng = grading.random(3001)
        for _ in range(60):
            weights, bias, x = random_neuron(rng)
            grade.trying(f"perceptron_predict({weights}, {bias}, {x})")
            got = submission.perceptron_predict(weights, bias, x)
            expected = predict(weights, bias, x)
            grade.check(is_number(got) and got == expected, expected=expected, got=got,
                        hint=HINTS["predict"])

    @pytest.mark.parametrize("weights, bias, x", [
        pytest.param([1.0, 1.0], -2.0, [1.0, 1.0], id="exactly_at_the_threshold"),
        pytest.param([1.0, 1.0], -2.0, [1.0, 0.0], id="just_below"),
        pytest.param([2.0, -1.0], 0.0, [0.0, 0.0], id="zero_input_zero_bias"),
        pytest.param([2.0, -1.0], -0.5, [0.0, 0.0], id="zero_input_negative_bias"),
        pytest.param([0.5], 3.0, [-4.0], id="bias_decides"),
        pytest.param([0.25] * 40, -9.75, [1.0] * 40, id="many_inputs"),
    ])
    def test_edge_cases(self, submission, grade, weights, bias, x):
        grade.trying(f"perceptron_predict({weights}, {bias}, {x})")
        got = submission.perceptron_predict(weights, bias, x)
        expected = predict(weights, bias, x)
        grade.check(is_number(got) and got == expected, expected=expected, got=got,
                    hint=HINTS["predict"])


@pytest.mark.exercise("ch03.perceptron_update", points=2)
class TestPerceptronUpdate:
    @pytest.fixture(autouse=True)
    def reference_predict(self, submission, monkeypatch):
        # Graded on its own: a mistake in perceptron_predict shows up in its own exercise only.
        monkeypatch.setattr(submission, "perceptron_predict", predict, raising=False)

    def check(self, submission, grade, weights, bias, x, target, lr):
        before = list(weights)
        grade.trying(f"perceptron_update({weights}, {bias}, {x}, target={target}, lr={lr})")
        got = submission.perceptron_update(weights, bias, x, target, lr)
        new_weights, new_bias = update(before, bias, x, target, lr)
        grade.check(weights == before, hint=HINTS["unchanged"],
                    expected={"en": f"the list weights still {before} after the call",
                              "ca": f"la llista weights encara {before} després de la crida"},
                    got={"en": f"the list weights changed to {weights}",
                         "ca": f"la llista weights ha canviat a {weights}"})
        grade.check(isinstance(got, (tuple, list)) and len(got) == 2,
                    expected=(new_weights, new_bias), got=got, hint=HINTS["shape"])
        grade.check(numbers_close(list(got[0]) if isinstance(got[0], (list, tuple)) else got[0],
                                  new_weights) and numbers_close([got[1]], [new_bias]),
                    expected=(new_weights, new_bias), got=got, hint=HINTS["update"])

    def test_random_examples(self, submission, grade):
        rng = grading.random(3002)
        for _ in range(60):
            weights, bias, x = random_neuron(rng)
            target, lr = rng.choice([0, 1]), rng.choice([1.0, 0.5, 0.1, 0.01])
            self.check(submission, grade, weights, bias, x, target, lr)

    @pytest.mark.parametrize("weights, bias, x, target, lr", [
        pytest.param([0.5, 0.5], -0.75, [1.0, 1.0], 1, 1.0, id="right_answer_no_change"),
        pytest.param([0.0, 0.0], 0.0, [1.0, 0.0], 0, 1.0, id="fires_at_zero_should_not"),
        pytest.param([0.0, 0.0], -1.0, [1.0, 1.0], 1, 0.5, id="should_have_fired"),
        pytest.param([1.0, -2.0, 3.0], 0.0, [0.0, 0.0, 0.0], 0, 0.1, id="only_the_bias_moves"),
    ])
    def test_edge_cases(self, submission, grade, weights, bias, x, target, lr):
        self.check(submission, grade, weights, bias, x, target, lr)


@pytest.mark.exercise("ch03.train_perceptron", points=2)
class TestTrainPerceptron:
    @pytest.fixture(autouse=True)
    def reference_functions(self, submission, monkeypatch):
        monkeypatch.setattr(submission, "perceptron_predict", predict, raising=False)
        monkeypatch.setattr(submission, "perceptron_update", update, raising=False)

    def check(self, submission, grade, X, targets, epochs, lr):
        grade.trying(f"train_perceptron({X}, {targets}, epochs={epochs}, lr={lr})")
        got = submission.train_perceptron(X, targets, epochs, lr)
        weights, bias, mistakes = train(X, targets, epochs, lr)
        ok = (isinstance(got, (tuple, list)) and len(got) == 3
              and numbers_close(list(got[0]) if isinstance(got[0], (list, tuple)) else got[0], weights)
              and numbers_close([got[1]], [bias])
              and isinstance(got[2], (list, tuple)) and list(got[2]) == mistakes)
        grade.check(ok, expected=(weights, bias, mistakes), got=got, hint=HINTS["train"])

    @pytest.mark.parametrize("name, targets", [
        ("AND", [0, 0, 0, 1]), ("OR", [0, 1, 1, 1]), ("NAND", [1, 1, 1, 0]), ("XOR", [0, 1, 1, 0]),
    ])
    def test_logic_gates(self, submission, grade, name, targets):
        X = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
        self.check(submission, grade, X, targets, 8, 1.0)

    def test_random_data_sets(self, submission, grade):
        # Inputs and learning rates are small multiples of powers of 2, so every sum is exact
        # and no rounding can tip a weighted sum across the threshold.
        rng = grading.random(3003)
        for _ in range(20):
            n, m = rng.randint(1, 4), rng.randint(2, 8)
            X = [[float(rng.randint(-3, 3)) for _ in range(n)] for _ in range(m)]
            targets = [rng.choice([0, 1]) for _ in range(m)]
            self.check(submission, grade, X, targets, rng.randint(1, 12), rng.choice([1.0, 0.5, 0.25]))

    def test_no_epochs(self, submission, grade):
        self.check(submission, grade, [[1.0, 2.0, 3.0]], [1], 0, 1.0)


@pytest.mark.exercise("ch03.xor_loop", points=1)
class TestXorLoop:
    X = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
    XOR = [0, 1, 1, 0]

    def the_loop(self):
        """The grader's own answer: the ends of 12 epochs, the first of the run of equal ends."""
        ends = [train(self.X, self.XOR, n, 1.0) for n in range(1, 13)]
        n = next(k for k in range(1, 12) if all(e[:2] == ends[k - 1][:2] for e in ends[k - 1:]))
        weights, bias, mistakes = ends[-1]
        assert len(set(mistakes[n:])) == 1, "the grader's loop does not repeat"
        return n, weights, bias, mistakes[n]

    def test_the_answers(self, submission, grade):
        n, weights, bias, mistakes = self.the_loop()
        grade.trying("xor_loop()")
        got = submission.xor_loop()
        shaped = (isinstance(got, (tuple, list)) and len(got) == 4 and is_number(got[0])
                  and isinstance(got[1], (list, tuple)) and len(got[1]) == 2
                  and all(is_number(w) for w in got[1]) and is_number(got[2])
                  and is_number(got[3]))
        grade.check(shaped, expected={"en": "(n, [w1, w2], b, mistakes)",
                                      "ca": "(n, [w1, w2], b, errors)"},
                    got=got, hint=HINTS["loop_shape"])
        grade.check(numbers_close(list(got[1]), weights) and numbers_close([got[2]], [bias]),
                    expected=(weights, bias), got=(got[1], got[2]), hint=HINTS["loop_weights"])
        grade.check(got[0] == n, expected=n, got=got[0], hint=HINTS["loop_epoch"])
        grade.check(got[3] == mistakes, expected=mistakes, got=got[3], hint=HINTS["loop_mistakes"])


@pytest.mark.exercise("ch03.logistic_derivative", points=1)
class TestLogisticDerivative:
    def check(self, submission, grade, z):
        grade.trying(f"logistic_derivative({z})")
        got = submission.logistic_derivative(z)
        if isinstance(got, minigrad.Value):
            grade.check(False, expected=logistic_slope(z), got=got, hint=HINTS["float"])
        grade.close(got, logistic_slope(z), hint=HINTS["logistic"], rel=1e-6, abs=1e-12)

    def test_random_points(self, submission, grade):
        rng = grading.random(3004)
        for z in [round(rng.uniform(-10, 10), 3) for _ in range(40)]:
            self.check(submission, grade, z)

    @pytest.mark.parametrize("z", [0.0, 1e-9, -1e-9, 2.0, -2.0, 30.0, -30.0, 800.0, -800.0])
    def test_edge_cases(self, submission, grade, z):
        self.check(submission, grade, z)


@pytest.mark.exercise("ch03.equivalent_start", points=2)
class TestEquivalentStart:
    # Learning rates are powers of 2, so scaling a number by their ratio is exact and no
    # rounding can tip a weighted sum across the threshold.
    RATES = [0.0625, 0.125, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0]

    def check(self, submission, grade, weights, bias, lr, new_lr, data_sets):
        grade.trying(f"equivalent_start({weights}, {bias}, lr={lr}, new_lr={new_lr})")
        got = submission.equivalent_start(list(weights), bias, lr, new_lr)
        grade.check(isinstance(got, (tuple, list)) and len(got) == 2
                    and isinstance(got[0], (list, tuple)) and len(got[0]) == len(weights)
                    and all(is_number(w) for w in got[0]) and is_number(got[1]),
                    expected={"en": f"a pair (a list of {len(weights)} numbers, a number)",
                              "ca": f"una parella (una llista de {len(weights)} nombres, un nombre)"},
                    got=got, hint=HINTS["start_shape"])
        for X, targets, epochs in data_sets:
            grade.trying(f"start = equivalent_start({weights}, {bias}, lr={lr}, new_lr={new_lr}); "
                         f"train(*start, X={X}, targets={targets}, epochs={epochs}, lr={new_lr})")
            expected = train_from(list(weights), bias, X, targets, epochs, lr)[2]
            mistakes = train_from(list(got[0]), got[1], X, targets, epochs, new_lr)[2]
            grade.check(mistakes == expected, hint=HINTS["rescale"],
                        expected={"en": f"the mistakes per epoch at lr = {lr}: {expected}",
                                  "ca": f"els errors per època amb lr = {lr}: {expected}"},
                        got={"en": f"at new_lr = {new_lr} from your start: {mistakes}",
                             "ca": f"amb new_lr = {new_lr} des del teu punt de partida: {mistakes}"})

    def random_data_sets(self, rng, n):
        data_sets = []
        for _ in range(12):
            m = rng.randint(2, 8)
            X = [[float(rng.randint(-3, 3)) for _ in range(n)] for _ in range(m)]
            data_sets.append((X, [rng.choice([0, 1]) for _ in range(m)], rng.randint(2, 10)))
        return data_sets

    def test_random_starts(self, submission, grade):
        rng = grading.random(3005)
        for _ in range(20):
            n = rng.randint(1, 4)
            weights = [rng.randint(-12, 12) / 4 for _ in range(n)]
            bias = rng.randint(-12, 12) / 4
            lr, new_lr = rng.sample(self.RATES, 2)
            self.check(submission, grade, weights, bias, lr, new_lr, self.random_data_sets(rng, n))

    @pytest.mark.parametrize("weights, bias, lr, new_lr", [
        pytest.param([0.0, 0.0], 0.0, 1.0, 0.125, id="from_zero"),
        pytest.param([0.75, -0.5], 0.25, 1.0, 1.0, id="same_rate"),
        pytest.param([0.5, 0.5], -0.75, 0.25, 4.0, id="and_gate_start"),
    ])
    def test_logic_gates(self, submission, grade, weights, bias, lr, new_lr):
        X = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
        gates = [[0, 0, 0, 1], [0, 1, 1, 1], [1, 1, 1, 0], [0, 1, 1, 0]]
        self.check(submission, grade, weights, bias, lr, new_lr, [(X, t, 8) for t in gates])
