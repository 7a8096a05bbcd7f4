"""Graders for chapter 1 (exercises/ch01_learning.py): the valley's floor, one round of improvement, a fit.

Every input is drawn anew each run (``--grading-seed`` repeats a run's), and there are many of
them plus edge cases, so an answer written for a few inputs cannot pass.
"""


import pytest

import grading
import minigrad.functional

HINTS = {
    "intercept": {
        "en": "Not the intercept with the smallest loss for this slope. Hold w fixed and write "
              "each example's miss as a number that does not depend on b, plus b: the loss is then "
              "a parabola in b. Expand the square: where is a parabola a·b² + c·b + d lowest? Check "
              "your answer on one example, and on a data set where every x is 0.",
        "ca": "No és l'ordenada a l'origen amb la pèrdua més petita per a aquest pendent. Deixa "
              "w fix i escriu l'error de cada exemple com un nombre que no depèn de b, més b: "
              "aleshores la pèrdua és una paràbola en b. Desenvolupa el quadrat: on és més baixa "
              "una paràbola a·b² + c·b + d? Comprova la resposta amb un sol exemple, i amb unes "
              "dades on totes les x valen 0.",
    },
    "unchanged": {
        "en": "improve must not change its inputs: build new numbers instead of modifying xs, "
              "ys or anything else the grader passed in.",
        "ca": "improve no ha de modificar les seves entrades: calcula nombres nous en lloc de "
              "canviar xs, ys o qualsevol altra cosa que rep del corrector.",
    },
    "best": {
        "en": "Compute the loss of all five lines, (w, b) and the four nudges (w ± step, b) "
              "and (w, b ± step), and return the one with the smallest loss. Do not stop at the "
              "first nudge that helps: another one may help more. Nudge one number at a time.",
        "ca": "Calcula la pèrdua de les cinc rectes, (w, b) i els quatre retocs (w ± step, b) i "
              "(w, b ± step), i retorna la que tingui la pèrdua més petita. No t'aturis al primer "
              "retoc que millori: potser n'hi ha un altre que millora més. Retoca un sol nombre "
              "cada vegada.",
    },
    "stay": {
        "en": "When no nudge is strictly better than (w, b), return (w, b) itself: a nudge that "
              "makes the loss equal or worse must not be taken.",
        "ca": "Quan cap retoc no és estrictament millor que (w, b), retorna (w, b) tal com és: "
              "no s'ha d'acceptar un retoc que deixa la pèrdua igual o la fa pitjor.",
    },
    "fit": {
        "en": "Reread the exercise's rule: does your search start from w = b = 0? Does it run "
              "exactly `rounds` rounds, each one a call of improve? Is step halved only when the "
              "round changed nothing, and never otherwise?",
        "ca": "Rellegeix la regla de l'exercici: la teva cerca comença amb w = b = 0? Fa "
              "exactament `rounds` rondes, cadascuna una crida a improve? Parteixes step per la "
              "meitat només quan la ronda no ha canviat res, i mai en cap altre cas?",
    },
}

REFUSAL = {
    "en": "this exercise asks you to write it with your own loop: minigrad's mse_loss is "
          "switched off while it is graded",
    "ca": "aquest exercici demana que ho escriguis amb el teu propi bucle: el mse_loss de "
          "minigrad està desactivat mentre es corregeix",
}


# --- the grader's own answers: never the learner's, so graders stay independent ---------------
def mse(w, b, xs, ys):
    return sum((w * x + b - y) ** 2 for x, y in zip(xs, ys)) / len(xs)


def floor(w, xs, ys):
    """The grader's own best intercept, by a route other than the solution's: the b at which the
    derivative of the loss in b, the mean of 2·(w·x + b - y), is zero."""
    return -sum(w * x - y for x, y in zip(xs, ys)) / len(xs)


def best_of_five(w, b, xs, ys, step):
    best, best_loss = (w, b), mse(w, b, xs, ys)
    for trial in [(w + step, b), (w - step, b), (w, b + step), (w, b - step)]:
        loss = mse(*trial, xs, ys)
        if loss < best_loss:
            best, best_loss = trial, loss
    return best


def fitted(xs, ys, rounds, step):
    w, b = 0.0, 0.0
    for _ in range(rounds):
        new = best_of_five(w, b, xs, ys, step)
        if new == (w, b):
            step /= 2
        w, b = new
    return w, b


def examples(rng, n=None):
    """A small data set scattered around a random line, rounded to read well in a message."""
    n = n or rng.randint(2, 12)
    slope, intercept = rng.uniform(-4, 4), rng.uniform(-10, 10)
    xs = [round(rng.uniform(-5, 10), 2) for _ in range(n)]
    ys = [round(slope * x + intercept + rng.gauss(0, 2), 2) for x in xs]
    return xs, ys


def close_pair(got, expected, tol=1e-9):
    return (isinstance(got, (tuple, list)) and len(got) == 2
            and all(isinstance(g, (int, float)) and not isinstance(g, bool)
                    and abs(g - e) <= tol * (1 + abs(e)) for g, e in zip(got, expected)))


no_library_mse = grading.switched_off(minigrad.functional.mse_loss, words=REFUSAL,
                                      name="no_library_mse", autouse=False)


@pytest.mark.exercise("ch01.best_intercept", points=1)
class TestBestIntercept:
    def test_random_slopes_and_examples(self, submission, grade):
        rng = grading.random(1001)
        for _ in range(30):
            xs, ys = examples(rng)
            w = round(rng.uniform(-5, 5), 2)
            grade.trying(f"best_intercept({w}, {xs}, {ys})")
            got = submission.best_intercept(w, xs, ys)
            grade.close(got, floor(w, xs, ys), hint=HINTS["intercept"], rel=1e-9, abs=1e-9)

    @pytest.mark.parametrize("w, xs, ys", [
        pytest.param(2.0, [0.0, 1.0, 2.0], [1.0, 3.0, 5.0], id="perfect_fit"),
        pytest.param(-1.5, [3.0], [-4.0], id="one_example"),
        pytest.param(0.0, [1.0, 2.0, 3.0, 4.0], [2.0, 0.0, 5.0, 1.0], id="no_slope"),
        pytest.param(3.0, [0.0, 0.0, 0.0], [1.0, 2.0, 6.0], id="every_x_is_zero"),
        pytest.param(3.0, [6.7, 3.4, 1.4, 1.1, 8.3, 9.2], [21.1, 17.5, 8.5, 9.1, 31.3, 34.7],
                     id="six_films"),
    ])
    def test_edge_cases(self, submission, grade, w, xs, ys):
        grade.trying(f"best_intercept({w}, {xs}, {ys})")
        got = submission.best_intercept(w, xs, ys)
        grade.close(got, floor(w, xs, ys), hint=HINTS["intercept"], rel=1e-12, abs=1e-12)


@pytest.mark.exercise("ch01.improve", points=2)
@pytest.mark.usefixtures("no_library_mse")
class TestImprove:
    def test_random_starting_lines(self, submission, grade):
        rng = grading.random(1002)
        for _ in range(40):
            xs, ys = examples(rng)
            w, b = round(rng.uniform(-5, 5), 2), round(rng.uniform(-10, 10), 2)
            step = rng.choice([2.0, 1.0, 0.5, 0.25, 0.1])
            copies = (list(xs), list(ys))
            grade.trying(f"improve({w}, {b}, {xs}, {ys}, step={step})")
            got = submission.improve(w, b, xs, ys, step)
            expected = best_of_five(w, b, xs, ys, step)
            grade.check((xs, ys) == copies, hint=HINTS["unchanged"],
                        expected={"en": f"xs and ys unchanged: {copies}",
                                  "ca": f"xs i ys sense canvis: {copies}"},
                        got={"en": f"xs and ys changed to {(xs, ys)}",
                             "ca": f"xs i ys han canviat a {(xs, ys)}"})
            grade.check(close_pair(got, expected), expected=expected, got=got, hint=HINTS["best"])

    @pytest.mark.parametrize("w, b, step", [
        pytest.param(2.0, 1.0, 0.5, id="already_the_best"),
        pytest.param(3.0, -2.0, 0.0, id="zero_step_ties"),
        pytest.param(2.0, 1.0, 1e-9, id="tiny_step"),
    ])
    def test_no_better_nudge(self, submission, grade, w, b, step):
        xs, ys = [0.0, 1.0, 2.0, 3.0], [1.0, 3.0, 5.0, 7.0]  # exactly y = 2x + 1
        grade.trying(f"improve({w}, {b}, {xs}, {ys}, step={step})")
        got = submission.improve(w, b, xs, ys, step)
        expected = best_of_five(w, b, xs, ys, step)
        grade.check(close_pair(got, expected, tol=0.0), expected=expected, got=got,
                    hint=HINTS["stay"] if expected == (w, b) else HINTS["best"])

    def test_the_best_nudge_not_the_first(self, submission, grade):
        # The line is far above the data: lowering w helps, but lowering b helps much more.
        xs, ys = [0.0, 0.5, 1.0], [0.0, 0.0, 0.0]
        grade.trying(f"improve(1.0, 5.0, {xs}, {ys}, step=1.0)")
        got = submission.improve(1.0, 5.0, xs, ys, 1.0)
        expected = best_of_five(1.0, 5.0, xs, ys, 1.0)
        assert expected == (1.0, 4.0)
        grade.check(close_pair(got, expected), expected=expected, got=got, hint=HINTS["best"])


@pytest.mark.exercise("ch01.fit_line", points=2)
@pytest.mark.usefixtures("no_library_mse")
class TestFitLine:
    @pytest.fixture(autouse=True)
    def reference_improve(self, submission, monkeypatch):
        # fit_line is graded on its own: the `improve` it calls is the grader's, so a mistake
        # in the learner's improve shows up in ch01.improve only.
        monkeypatch.setattr(submission, "improve", best_of_five, raising=False)

    def test_random_data_sets(self, submission, grade):
        rng = grading.random(1003)
        for _ in range(12):
            xs, ys = examples(rng)
            rounds, step = rng.choice([5, 20, 60, 150]), rng.choice([1.0, 2.0, 0.5])
            grade.trying(f"fit_line({xs}, {ys}, rounds={rounds}, step={step})")
            got = submission.fit_line(xs, ys, rounds, step)
            expected = fitted(xs, ys, rounds, step)
            grade.check(close_pair(got, expected), expected=expected, got=got, hint=HINTS["fit"])

    def test_default_rounds_and_step(self, submission, grade):
        xs, ys = [6.7, 3.4, 1.4, 1.1, 8.3, 9.2], [21.1, 17.5, 8.5, 9.1, 31.3, 34.7]
        grade.trying(f"fit_line({xs}, {ys})")
        got = submission.fit_line(xs, ys)
        expected = fitted(xs, ys, 200, 1.0)
        grade.check(close_pair(got, expected), expected=expected, got=got, hint=HINTS["fit"])

    @pytest.mark.parametrize("xs, ys, rounds", [
        pytest.param([1.0, 2.0], [5.0, 7.0], 0, id="no_rounds"),
        pytest.param([0.0, 1.0, 2.0, 3.0], [1.0, 3.0, 5.0, 7.0], 40, id="exact_line"),
        pytest.param([1.0, 1.0, 1.0], [4.0, 4.0, 4.0], 30, id="one_x_value"),
    ])
    def test_edge_cases(self, submission, grade, xs, ys, rounds):
        grade.trying(f"fit_line({xs}, {ys}, rounds={rounds}, step=1.0)")
        got = submission.fit_line(xs, ys, rounds, 1.0)
        expected = fitted(xs, ys, rounds, 1.0)
        grade.check(close_pair(got, expected), expected=expected, got=got, hint=HINTS["fit"])
