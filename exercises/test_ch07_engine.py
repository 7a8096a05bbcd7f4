"""Graders for chapter 7, part 2 (exercises/ch07_engine.py): cross-entropy with PyTorch's
label smoothing and ignored rows, the size of each example's share of a linear layer's gradient,
the largest stable learning rate of gradient descent, what Adam's bias correction changes, and
a digits classifier trained on the learner's cross-entropy and linear layer.

The grader's oracles are its own numpy references (in grading/ch07_engine_oracle.py, written
differently from the reference solutions: the cross-entropy as log-sum-exp through np.logaddexp
minus a weighted sum of the scores, products through np.einsum; each example's gradient share
built as a whole outer product), PyTorch's F.cross_entropy when torch is installed (that test is skipped otherwise;
torch is imported off the clock, so its import does not count in the time limit) and, for the
gradients, central differences in float64. The stable
learning rate is graded against its analytic value, and the grader runs gradient descent itself
just below and above the learner's value to say what that value does. Adam's ratio is measured: minigrad's Adam (its step taken
before the switch-off) against the grader's uncorrected one, on the same random gradients.
Inputs are random (shapes, scales up to ±10⁴). minigrad's backpropagation and optimisers are
switched off by an autouse fixture.

The capstone, ``train_digits``, must reach 0.95 accuracy on held-out digits (the grader keeps 20 %
back and passes the other 80 % as X_train) using the learner's own pieces. The messages say
only pass or fail against that threshold, never the held-out accuracy, so that the learner
tunes on a validation split of X_train and not on the grader. Its ``linear`` layer is part of
that exercise, graded through it. When it fails, the grader finds the culprit: it checks each
piece alone, then trains again with each piece swapped for the
reference one, and names the piece whose swap fixes training (or says that the training loop
itself is at fault)."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from _engine_checks import (as_pair, check_close, check_untouched, numerical_gradients, shown,
                            switch_off_minigrad, torch, words)  # noqa: F401 - torch: a fixture
from grading.ch07_engine_hints import HINTS, LINEAR_CHECK  # test_hint_spoilers.py reads them here
from grading.ch07_engine_oracle import (
    AWKWARD_LOGITS, EVERY_ROW_IGNORED, IGNORED, LINEAR_BATCHES, NORM_CASES, PIECES, REFERENCES,
    accuracy_of, gd_growth, linear_case, measured_ratio, random_logits, random_options,
    reference_linear, reference_loss, reference_norms, reference_stable_lr, stable_lr_cases, train)
from minigrad.data import load_digits, train_test_split

GRADE_IT = "pytest exercises/test_ch07_engine.py -m ch07.{}"


@pytest.fixture(autouse=True)
def library_switched_off(monkeypatch):
    switch_off_minigrad(monkeypatch)  # before the learner's module loads: autouse runs first


# --- 7.4 cross_entropy --------------------------------------------------------------------
def check_cross_entropy(submission, grade, logits, target, **options) -> float:
    """Grade one call: its loss against the grader's formula, its gradient against that
    formula's central differences; return the loss."""
    target = np.asarray(target)
    grade.trying(f"cross_entropy({shown(logits)}, {shown(target)}"
                 + "".join(f", {name}={value!r}" for name, value in options.items()) + ")")
    originals = [logits.copy(), target.copy()]
    with np.errstate(all="ignore"):  # a naive version overflows: judged below, not as a warning
        got = as_pair(submission.cross_entropy(logits, target, **options))
    check_untouched(grade, [logits, target], originals, HINTS["untouched"])
    grade.check(got is not None and got[0].size == 1, expected=words("(loss, grad)", "(loss, grad)"),
                got=got, hint=HINTS["ce_pair"])
    loss, grad = got
    grade.check(bool(np.all(np.isfinite(loss)) and np.all(np.isfinite(grad))),
                expected=words("a finite loss and gradient", "una pèrdua i un gradient finits"),
                got=words(f"loss {loss}, grad {shown(grad)}", f"pèrdua {loss}, grad {shown(grad)}"),
                hint=HINTS["ce_finite"])
    grade.close(float(loss), reference_loss(logits, target, **options), rel=1e-9, abs=1e-9,
                hint=HINTS["ce_loss"])
    ignored = target == options.get("ignore_index", -100)
    if ignored.any() and np.shape(grad) == logits.shape:
        check_close(grade, grad[ignored], np.zeros((ignored.sum(), logits.shape[1])),
                    HINTS["ce_ignored"], rtol=0.0, atol=1e-12)
    (fd,) = numerical_gradients(lambda z: reference_loss(z, target, **options), [logits],
                                np.array(1.0), eps=1e-4)
    check_close(grade, grad, fd, HINTS["ce_grad"], rtol=1e-5, atol=1e-7)
    return float(loss)


@pytest.mark.exercise("ch07.cross_entropy", points=3)
class TestCrossEntropy:
    @pytest.mark.parametrize("logits, target", AWKWARD_LOGITS, ids=range(len(AWKWARD_LOGITS)))
    def test_awkward_scores(self, submission, grade, logits, target):
        check_cross_entropy(submission, grade, logits, target)

    @pytest.mark.parametrize("logits, target", AWKWARD_LOGITS, ids=range(len(AWKWARD_LOGITS)))
    def test_label_smoothing(self, submission, grade, logits, target):
        for smoothing in (0.1, 0.5, 1.0):
            check_cross_entropy(submission, grade, logits, target, label_smoothing=smoothing)

    @pytest.mark.parametrize("logits, target, options", IGNORED, ids=range(len(IGNORED)))
    def test_ignored_rows(self, submission, grade, logits, target, options):
        check_cross_entropy(submission, grade, logits, target, **options)

    @pytest.mark.parametrize("logits, target, options", EVERY_ROW_IGNORED,
                             ids=range(len(EVERY_ROW_IGNORED)))
    def test_every_row_ignored(self, submission, grade, logits, target, options):
        target = np.asarray(target)
        grade.trying(f"cross_entropy({shown(logits)}, {shown(target)}"
                     + "".join(f", {name}={value!r}" for name, value in options.items()) + ")")
        grade.refuses(lambda: submission.cross_entropy(logits, target, **options),
                      ["cross_entropy"], hint=HINTS["ce_all_ignored"])

    def test_random_scores(self, submission, grade):
        rng = np.random.default_rng(7074)
        for _ in range(40):
            logits, target = random_logits(rng)
            target, options = random_options(rng, logits, target)
            check_cross_entropy(submission, grade, logits, target, **options)

    def test_agrees_with_pytorch(self, submission, grade, torch):
        rng = np.random.default_rng(7079)
        for _ in range(20):
            logits, target = random_logits(rng)
            target, options = random_options(rng, logits, target)
            loss = check_cross_entropy(submission, grade, logits, target, **options)
            expected = torch.nn.functional.cross_entropy(
                torch.from_numpy(logits), torch.from_numpy(target), **options)
            grade.close(loss, float(expected), rel=1e-9, abs=1e-9, hint=HINTS["ce_loss"])


# --- the capstone's linear layer, checked alone when train_digits fails -------------------
def check_linear(submission, grade, x, weight, bias, grad):
    grade.trying(f"out, backward = linear({shown(x)}, {shown(weight)}, {shown(bias)}); "
                 f"backward({shown(grad)})")
    received = [x, weight, bias, grad]
    originals = [a.copy() for a in received]
    got = submission.linear(x, weight, bias)
    grade.check(isinstance(got, (tuple, list)) and len(got) == 2 and callable(got[1]),
                expected=words("(out, backward)", "(out, backward)"), got=got,
                hint=HINTS["linear_pair"])
    out, backward = got
    expected_out, expected_backward = reference_linear(*originals[:3])
    check_close(grade, out, expected_out, HINTS["linear_out"])
    grads = as_pair(backward(grad), 3)
    check_untouched(grade, received, originals, HINTS["untouched"])
    shapes = None if grads is None else tuple(np.shape(g) for g in grads)
    wanted = (x.shape, weight.shape, bias.shape)
    grade.check(shapes == wanted, hint=HINTS["linear_shapes"],
                expected=words(f"(dx, dweight, dbias) of shapes {wanted}",
                               f"(dx, dweight, dbias) de formes {wanted}"),
                got=words(f"shapes {shapes}", f"formes {shapes}"))
    expected = numerical_gradients(lambda a, w, b: reference_linear(a, w, b)[0], originals[:3],
                                   grad)
    for g, e in zip(grads, expected):
        check_close(grade, g, e, HINTS["linear_values"], rtol=1e-6, atol=1e-8)


# --- 7.5 example_gradient_norms ------------------------------------------------------------
def check_norms(submission, grade, x, grad):
    grade.trying(f"example_gradient_norms({shown(x)}, {shown(grad)})")
    originals = [x.copy(), grad.copy()]
    got = submission.example_gradient_norms(x, grad)
    check_untouched(grade, [x, grad], originals, HINTS["untouched"])
    grade.array_shape(got, (len(x),), hint=HINTS["norms_shape"])
    check_close(grade, got, reference_norms(*originals), HINTS["norms_values"], rtol=1e-9,
                atol=1e-12)


@pytest.mark.exercise("ch07.example_gradient_norms", points=2)
class TestExampleGradientNorms:
    @pytest.mark.parametrize("x, grad", NORM_CASES, ids=range(len(NORM_CASES)))
    def test_small_cases(self, submission, grade, x, grad):
        check_norms(submission, grade, x, grad)

    def test_random_layers(self, submission, grade):
        rng = np.random.default_rng(7075)
        for _ in range(30):
            n, n_in, n_out = (int(v) for v in rng.integers(1, 7, size=3))
            scale = float(rng.choice([1e-3, 1.0, 100.0]))
            check_norms(submission, grade, np.round(rng.normal(size=(n, n_in)) * scale, 3),
                        np.round(rng.normal(size=(n, n_out)), 3))

    def test_one_example_is_the_whole_gradient(self, submission, grade):
        # With one example its share is the layer's whole gradient, as a linear backward gives it.
        rng = np.random.default_rng(7085)
        x, grad = rng.normal(size=(1, 5)), rng.normal(size=(1, 4))
        _, backward = reference_linear(x, rng.normal(size=(4, 5)), rng.normal(size=4))
        _, dweight, dbias = backward(grad)
        grade.trying(f"example_gradient_norms({shown(x)}, {shown(grad)})  # one example")
        got = submission.example_gradient_norms(x.copy(), grad.copy())
        grade.array_shape(got, (1,), hint=HINTS["norms_shape"])
        grade.close(float(got[0]), float(np.sqrt(np.sum(dweight ** 2) + np.sum(dbias ** 2))),
                    rel=1e-9, abs=1e-12, hint=HINTS["norms_values"])


# --- 7.6 largest_stable_lr ----------------------------------------------------------------
def what_gd_does(hessian, lr, momentum) -> dict[str, str]:
    """The grader's own run of gradient descent just below and just above ``lr``, in words."""
    def fate(factor, ca_factor):
        growth = gd_growth(hessian, factor * lr, momentum)
        if growth < 1:
            return (f"at lr = {factor} × yours it converges (|w| × {growth:.2g} after 400 steps)",
                    f"amb lr = {ca_factor} × la teva convergeix (|w| × {growth:.2g} en 400 "
                    f"passos)")
        return (f"at lr = {factor} × yours it does not converge (|w| × {growth:.2g} after 400 "
                f"steps)", f"amb lr = {ca_factor} × la teva no convergeix (|w| × {growth:.2g} "
                f"en 400 passos)")
    (en_below, ca_below), (en_above, ca_above) = fate(0.98, "0,98"), fate(1.02, "1,02")
    return words(f"{HINTS['lr_value']['en']} Gradient descent run by the grader on this H: "
                 f"{en_below}; {en_above}.",
                 f"{HINTS['lr_value']['ca']} El descens del gradient que executa el corrector "
                 f"amb aquesta H: {ca_below}; {ca_above}.")


def check_stable_lr(submission, grade, hessian, momentum=None):
    shown_h = f"np.array({hessian.tolist()})"
    if momentum is None:
        grade.trying(f"largest_stable_lr({shown_h})")
        got = submission.largest_stable_lr(hessian.copy())
    else:
        grade.trying(f"largest_stable_lr({shown_h}, momentum={momentum})")
        got = submission.largest_stable_lr(hessian.copy(), momentum)
    momentum = momentum or 0.0
    expected = reference_stable_lr(hessian, momentum)
    grade.check(isinstance(got, (float, np.floating)) and bool(np.isfinite(got)) and got > 0,
                expected=expected, got=got, hint=HINTS["lr_float"])
    grade.close(float(got), expected, rel=1e-6, abs=0.0,
                hint=what_gd_does(hessian, float(got), momentum))


@pytest.mark.exercise("ch07.largest_stable_lr", points=3)
class TestLargestStableLr:
    def test_plain_gradient_descent(self, submission, grade):
        for hessian in stable_lr_cases(np.random.default_rng(776)):
            check_stable_lr(submission, grade, hessian)

    def test_with_momentum(self, submission, grade):
        rng = np.random.default_rng(7076)
        for hessian in stable_lr_cases(rng):
            check_stable_lr(submission, grade, hessian, float(rng.choice([0.0, 0.5, 0.9, 0.99])))


# --- 7.7 uncorrected_adam_ratio ----------------------------------------------------------
def check_ratio(submission, grade, step, betas, rng):
    grade.trying(f"uncorrected_adam_ratio({step}, betas={betas})")
    got = submission.uncorrected_adam_ratio(step, betas)
    expected = measured_ratio(step, betas, rng)
    grade.check(isinstance(got, (float, np.floating)) and bool(np.isfinite(got)) and got > 0,
                expected=expected, got=got, hint=HINTS["ratio_float"])
    grade.close(float(got), expected, rel=1e-7, abs=0.0, hint=HINTS["ratio_value"])


FIRST_STEP_BETAS = [(0.9, 0.999), (0.9, 0.99), (0.8, 0.999), (0.9, 0.9), (0.5, 0.75),
                    (0.0, 0.999), (0.99, 0.999)]


@pytest.mark.exercise("ch07.uncorrected_adam_ratio", points=3)
class TestUncorrectedAdamRatio:
    @pytest.mark.parametrize("betas", FIRST_STEP_BETAS, ids=str)
    def test_first_step(self, submission, grade, betas):
        check_ratio(submission, grade, 1, betas, np.random.default_rng(777))

    def test_later_steps(self, submission, grade):
        rng = np.random.default_rng(7077)
        for _ in range(20):
            betas = (float(rng.choice([0.0, 0.5, 0.8, 0.9, 0.95])),
                     float(rng.choice([0.9, 0.99, 0.999])))
            check_ratio(submission, grade, int(rng.integers(2, 200)), betas, rng)

    def test_default_betas_over_a_long_run(self, submission, grade):
        rng = np.random.default_rng(7078)
        for step in (1, 10, 100, 3000):
            grade.trying(f"uncorrected_adam_ratio({step})")
            got = submission.uncorrected_adam_ratio(step)
            grade.close(float(got), measured_ratio(step, (0.9, 0.999), rng), rel=1e-7, abs=0.0,
                        hint=HINTS["ratio_value"])


# --- 7.8 train_digits: the capstone -------------------------------------------------------
GRADED_ALONE = ("cross_entropy",)  # linear is graded here, as part of the capstone
TARGET = 0.95
TARGET_CA = str(TARGET).replace(".", ",")  # Catalan prose writes a decimal comma


class Quiet:
    """The ``grade`` fixture's interface, for checks whose failure is a diagnosis, not a verdict."""

    def trying(self, code: str) -> None:
        pass

    def check(self, ok: bool, **words) -> None:
        if not ok:
            raise AssertionError

    def close(self, got, expected, *, hint, rel=1e-7, abs=1e-9) -> None:
        self.check(bool(np.isclose(float(got), expected, rtol=rel, atol=abs)))


def piece_is_right(name: str, function) -> bool:
    """Does the learner's piece pass, on its own, a few of its exercise's checks?"""
    rng, pieces, quiet = np.random.default_rng(778), SimpleNamespace(**{name: function}), Quiet()
    try:
        if name == "linear":
            for batch in LINEAR_BATCHES:
                check_linear(pieces, quiet, *linear_case(rng, batch))
        else:
            for _ in range(5):
                check_cross_entropy(pieces, quiet, *random_logits(rng))
    except Exception:
        return False
    return True


@pytest.fixture(scope="module")
def digits():
    images, labels = load_digits()
    return train_test_split(images.reshape(len(images), -1), labels, test_size=0.2, seed=0)


def diagnosis(submission, digits, used) -> dict[str, str]:
    """Which of the learner's pieces keeps train_digits below the target, in words."""
    names = submission.train_digits.__globals__
    y_test = digits[3]
    wrong = [name for name in used if not piece_is_right(name, names[name])]
    # No held-out accuracy in the messages: a number to push up invites tuning on these digits.
    en, ca = [f"With your pieces the network stays below {TARGET} on the held-out digits."], \
             [f"Amb les teves peces, la xarxa no arriba a {TARGET_CA} en els dígits reservats."]
    if wrong:
        listed = ", ".join(wrong)
        # cross_entropy has an exercise of its own; linear, part of this one, is checked here.
        commands = "; ".join(f"`{GRADE_IT.format(name)}`" if name in GRADED_ALONE else
                             LINEAR_CHECK["en"] for name in wrong)
        commands_ca = "; ".join(f"`{GRADE_IT.format(name)}`" if name in GRADED_ALONE else
                                LINEAR_CHECK["ca"] for name in wrong)
        if len(wrong) == 1:
            en.append(f"Checked alone, your {listed} gives wrong results: {commands}.")
            ca.append(f"Comprovada sola, la teva peça {listed} dona resultats incorrectes: "
                      f"{commands_ca}.")
        else:
            en.append(f"Checked alone, your {listed} give wrong results: {commands}.")
            ca.append(f"Comprovades soles, les teves peces {listed} donen resultats "
                      f"incorrectes: {commands_ca}.")

    def accuracy_with(swapped):
        return accuracy_of(train(submission, digits, {n: REFERENCES[n] for n in swapped})[1],
                             y_test)
    for name in wrong + [n for n in used if n not in wrong]:
        fixed = accuracy_with([name])
        if fixed is not None and fixed >= TARGET:
            en.append(f"Trained again with the grader's {name} instead of yours, the same "
                      f"train_digits passes: the fault is in your {name}.")
            ca.append(f"Entrenada de nou amb la peça {name} del corrector en lloc de la teva, "
                      f"el mateix train_digits aprova: l'error és al teu {name}.")
            return words(" ".join(en), " ".join(ca))
    fixed = accuracy_with(used)
    if fixed is not None and fixed >= TARGET:
        en.append(f"No single piece is to blame, but with all of {', '.join(used)} replaced by "
                  f"the grader's the network passes: fix {', '.join(wrong) or 'them'}.")
        ca.append(f"Cap peça sola no n'és la causa, però substituint {', '.join(used)} per les "
                  f"del corrector la xarxa aprova: arregla "
                  f"{', '.join(wrong) or 'aquestes peces'}.")
    else:
        en.append("Even with the grader's pieces instead of yours it does not get there, so the "
                  "fault is in train_digits itself: shuffle X and y with the same order, pass "
                  "the gradient through the ReLU only where it was on, update every parameter "
                  "in place with its own gradient, and train for enough epochs with a learning rate "
                  "that suits the optimiser, both chosen on a validation split of X_train.")
        ca.append("Ni tan sols amb les peces del corrector en lloc de les teves no hi arriba, "
                  "així que l'error és al train_digits mateix: barreja X i y amb el mateix ordre, "
                  "deixa passar el gradient per la ReLU només on estava activa, actualitza cada "
                  "paràmetre al seu lloc amb el seu gradient, i entrena prou èpoques amb una taxa "
                  "d'aprenentatge adequada a l'optimitzador, totes dues coses triades amb una part "
                  "de validació separada de X_train.")
    return words(" ".join(en), " ".join(ca))


@pytest.mark.exercise("ch07.train_digits", points=4)
class TestTrainDigits:
    def test_its_linear_on_every_batch_shape(self, submission, grade):
        # Training can succeed with a wrong linear (Adam ignores a gradient's scale, and the
        # digits are 2-D): the layer the exercise specifies is checked on its own as well.
        rng = np.random.default_rng(781)
        for batch in LINEAR_BATCHES * 4:
            check_linear(submission, grade, *linear_case(rng, batch))

    @pytest.mark.timeout(120)
    def test_reaches_the_target_with_your_pieces(self, submission, grade, digits):
        # Code only: the tried line is shown as is in both languages.
        grade.trying("predict = train_digits(X_train, y_train, seed=0); "
                     "(predict(X_heldout).argmax(axis=1) == y_heldout).mean()")
        calls = {}
        predict, scores = train(submission, digits, calls=calls)
        grade.check(callable(predict), expected=words("a function predict(images)",
                                                      "una funció predict(images)"),
                    got=predict, hint=HINTS["predict"])
        shape = np.shape(scores)
        grade.check(shape == (len(digits[1]), 10), hint=HINTS["predict"],
                    expected=words(f"scores of shape {(len(digits[1]), 10)}",
                                   f"puntuacions de forma {(len(digits[1]), 10)}"),
                    got=words(f"shape {shape}", f"forma {shape}"))
        used = [name for name in PIECES if calls.get(name)]
        grade.check(set(PIECES) <= set(used), hint=HINTS["use_pieces"],
            expected=words("linear and cross_entropy called",
                           "crides a linear i cross_entropy"),
            got=words(f"calls: {calls or 'none'}", f"crides: {calls or 'cap'}"))
        reached = accuracy_of(scores, digits[3])
        if reached < TARGET:
            grade.check(False, hint=diagnosis(submission, digits, used),
                        expected=words(f"held-out accuracy ≥ {TARGET}",
                                       f"exactitud en els dígits reservats ≥ {TARGET_CA}"),
                        got=words(f"below {TARGET}", f"per sota de {TARGET_CA}"))
