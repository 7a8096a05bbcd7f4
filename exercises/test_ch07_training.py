"""Graders for chapter 7 (exercises/ch07_training.py): accumulation, early stopping, accuracy
under other class shares.

``minigrad.train`` does similar jobs (``fit``, ``EarlyStopping``, ``accuracy``,
``confusion_matrix``): an autouse fixture switches them off before the learner's module is
loaded, so calling them cannot pass. The grader computes every expected value with its own
code. Inputs are drawn anew each run, many of them, plus edge cases.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import grading
import minigrad
import minigrad.train
from minigrad import Tensor, nn, optim
from minigrad.data import DataLoader

HINTS = {
    "accum_steps": {
        "en": "Not the right number of optimizer steps. How many groups of accumulation_steps "
              "batches does this loader make, counting a last group that holds fewer? One step "
              "per group: not one per batch, and none left out at the end.",
        "ca": "El nombre de passos de l'optimitzador no és correcte. Quants grups de "
              "accumulation_steps lots fa aquest carregador, comptant-hi un últim grup amb menys "
              "lots? Un pas per grup: no un per lot, i cap de descartat al final.",
    },
    "accum_params": {
        "en": "After the epoch the parameters are not where one step per group of samples, "
              "taken as ONE batch, leads. backward() adds to the gradients: when must they be "
              "cleared so that a step sees its whole group and nothing of the one before? Each "
              "loss is a mean over its batch: what do k of them add up to, and how should each "
              "count in the mean over all the group's samples? A smaller last batch counts less.",
        "ca": "Després de l'època, els paràmetres no són on porta un pas per grup de mostres, "
              "preses com UN sol lot. backward() suma als gradients: quan s'han d'esborrar "
              "perquè un pas vegi tot el seu grup i res de l'anterior? Cada pèrdua és la "
              "mitjana del seu lot: què sumen k d'aquestes mitjanes, i quant ha de comptar "
              "cadascuna en la mitjana de totes les mostres del grup? Un últim lot més petit "
              "compta menys.",
    },
    "epoch_loss": {
        "en": "The training itself is right, but not the number returned: the mean loss per "
              "sample over the whole epoch, of the losses as loss_fn gives them (not scaled). "
              "Is yours the last batch's loss, a plain mean of the batch losses, or a scaled "
              "one? What does a smaller last batch do to that mean?",
        "ca": "L'entrenament és correcte, però no el nombre que retornes: la pèrdua mitjana per "
              "mostra de tota l'època, de les pèrdues tal com les dona loss_fn (sense escalar). "
              "La teva és la pèrdua de l'últim lot, la mitjana simple de les pèrdues dels lots, "
              "o una d'escalada? Què li fa a aquesta mitjana un últim lot més petit?",
    },
    "epoch_mode": {
        "en": "Start with model.train(): the model was in evaluation mode, and layers such as "
              "dropout only act in training mode.",
        "ca": "Comença amb model.train(): el model era en mode d'avaluació, i capes com el "
              "dropout només actuen en mode d'entrenament.",
    },
    "stop": {
        "en": "Wrong epochs. Apply the docstring's rules by hand to these losses. An epoch "
              "improves only when its loss beats the BEST loss so far (not the previous epoch's) "
              "by more than min_delta, so an equal loss or a smaller drop is no improvement and "
              "does not change the best. After how many epochs in a row without improvement do "
              "you stop? Epochs are numbered from 1.",
        "ca": "Les èpoques no són correctes. Aplica a mà les regles del docstring a aquestes "
              "pèrdues. Una època millora només si la seva pèrdua supera la MILLOR fins ara (no "
              "la de l'època anterior) en més de min_delta, de manera que una pèrdua igual o una "
              "baixada més petita no és cap millora i no canvia la millor. Després de quantes "
              "èpoques seguides sense millora t'atures? Les èpoques es numeren des d'1.",
    },
    "pair": {
        "en": "Return a pair of whole numbers: (stop_epoch, best_epoch).",
        "ca": "Retorna una parella de nombres enters: (stop_epoch, best_epoch).",
    },
    "priors": {
        "en": "Not the accuracy on data with these class shares. Picture that data: what share "
              "of it is of class i, and what share of class i does the classifier get right, "
              "judging by the test set? How many test samples each class happened to have must "
              "not weigh anything: the shares do that now.",
        "ca": "No és l'exactitud en unes dades amb aquestes proporcions de classes. Imagina "
              "aquestes dades: quina part és de la classe i, i quina part de la classe i encerta "
              "el classificador, a jutjar pel conjunt de prova? Quantes mostres de prova tenia "
              "cada classe no hi ha de pesar gens: ara ho fan les proporcions.",
    },
    "unseen_zero": {
        "en": "A class with no test samples (its row is all zeros) and a share of 0 never occurs "
              "in the new data: it must count for nothing, giving neither a NaN nor an error.",
        "ca": "Una classe sense mostres de prova (la seva fila és tota de zeros) i amb una "
              "proporció de 0 no apareix mai a les dades noves: no ha de comptar gens, ni donar un "
              "NaN ni un error.",
    },
    "unseen": {
        "en": "This class has a positive share but no test samples (its row is all zeros): "
              "nothing says how the classifier treats it, so no accuracy is right. Raise a "
              "ValueError whose message names accuracy_under_priors and the class, as the "
              "docstring asks.",
        "ca": "Aquesta classe té una proporció positiva però no té cap mostra de prova (la seva "
              "fila és tota de zeros): res no diu com la tracta el classificador, així que cap "
              "exactitud no és correcta. Llança un ValueError amb un missatge que esmenti "
              "accuracy_under_priors i la classe, com demana el docstring.",
    },
}

SWITCHED_OFF = {"en": "minigrad.train is switched off for this exercise: write it yourself",
                "ca": "minigrad.train està desactivat en aquest exercici: escriu-ho tu"}

library_switched_off = grading.switched_off(
    minigrad.train.fit, minigrad.train.evaluate, minigrad.train.predict, minigrad.train.accuracy,
    minigrad.train.confusion_matrix, minigrad.train.EarlyStopping, words=SWITCHED_OFF)


# --- 7.1 gradient accumulation ----------------------------------------------------------------
OPTIMISERS = {
    "optim.SGD(model.parameters(), lr=0.1)": lambda p: optim.SGD(p, lr=0.1),
    "optim.SGD(model.parameters(), lr=0.05, momentum=0.9)":
        lambda p: optim.SGD(p, lr=0.05, momentum=0.9),
    "optim.Adam(model.parameters(), lr=0.01)": lambda p: optim.Adam(p, lr=0.01),
}


def big_batch_epoch(model, batches, accumulation_steps, loss_fn, optimizer) -> float:
    """The grader's own epoch: each group of batches joined into one batch, one plain step each."""
    model.train()
    total = 0.0
    for start in range(0, len(batches), accumulation_steps):
        group = batches[start:start + accumulation_steps]
        xb = np.concatenate([x for x, _ in group])
        yb = np.concatenate([y for _, y in group])
        loss = loss_fn(model(Tensor(xb)), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += loss.item() * len(xb)
    return total / sum(len(x) for x, _ in batches)


def accumulation_case(seed: int, n: int, batch: int, k: int, opt_code: str, as_list: bool):
    """Two identical float64 (model, loader, loss_fn, optimizer) set-ups, and their code."""
    rng = grading.rng(seed)
    X = rng.normal(size=(n, 5))
    y = rng.integers(0, 3, size=n)

    def build():
        minigrad.manual_seed(seed)
        model = nn.MLP([5, 8, 3])
        for p in model.parameters():  # float64: both ways must agree to rounding, 1e-10
            p.data = p.data.astype(np.float64)
        model.eval()  # the learner must switch it to training mode
        loader = DataLoader(X, y, batch_size=batch, shuffle=True, seed=seed)
        if as_list:
            loader = list(loader)
        return model, loader, nn.CrossEntropyLoss(), OPTIMISERS[opt_code](model.parameters())
    loader_code = f"DataLoader(X, y, batch_size={batch}, shuffle=True, seed={seed})"
    code = (f"minigrad.manual_seed({seed}); model = nn.MLP([5, 8, 3]) in float64; model.eval(); "
            f"X, y = {n} random samples of 5 features, 3 classes; "
            f"train_epoch_accumulated(model, "
            f"{'list(' + loader_code + ')' if as_list else loader_code}, "
            f"nn.CrossEntropyLoss(), {opt_code}, accumulation_steps={k})")
    return build, code


def counted_steps(optimizer) -> list[int]:
    """Wrap ``optimizer.step`` so that the list it returns counts the calls."""
    calls, step = [0], optimizer.step

    def counting_step(*args, **kwargs):
        calls[0] += 1
        return step(*args, **kwargs)
    optimizer.step = counting_step
    return calls


ACCUMULATION_CASES = [  # seed, samples, batch size, k, optimiser, loader given as a list
    (1, 48, 8, 3, "optim.SGD(model.parameters(), lr=0.1)", False),       # 2 full groups
    (2, 50, 8, 3, "optim.SGD(model.parameters(), lr=0.1)", False),       # 3, 3, then 1 of 2 samples
    (3, 45, 10, 2, "optim.SGD(model.parameters(), lr=0.05, momentum=0.9)", True),  # last: 1 batch
    (4, 37, 5, 4, "optim.Adam(model.parameters(), lr=0.01)", False),     # full groups, last batch 2
    (5, 64, 16, 1, "optim.SGD(model.parameters(), lr=0.1)", True),       # k = 1: plain training
    (6, 30, 7, 10, "optim.Adam(model.parameters(), lr=0.01)", False),    # k > batches: one group
    (7, 61, 6, 4, "optim.SGD(model.parameters(), lr=0.05, momentum=0.9)", False),  # 4, 4, 3
]


@pytest.mark.exercise("ch07.train_epoch_accumulated", points=3)
class TestTrainEpochAccumulated:
    @pytest.mark.parametrize("seed, n, batch, k, opt_code, as_list", ACCUMULATION_CASES,
                             ids=[str(c[0]) for c in ACCUMULATION_CASES])
    def test_same_as_one_big_batch(self, submission, grade, seed, n, batch, k, opt_code, as_list):
        build, code = accumulation_case(seed, n, batch, k, opt_code, as_list)
        model, loader, loss_fn, optimizer = build()
        ref_model, ref_loader, ref_loss_fn, ref_optimizer = build()
        batches = list(ref_loader)
        expected = big_batch_epoch(ref_model, batches, k, ref_loss_fn, ref_optimizer)
        steps = counted_steps(optimizer)
        grade.trying(code)
        got = submission.train_epoch_accumulated(model, loader, loss_fn, optimizer, k)
        groups = -(-len(batches) // k)
        grade.trying(f"{code}  ({len(batches)} batches: how many optimizer.step() calls?)")
        grade.check(steps[0] == groups, expected=groups, got=steps[0], hint=HINTS["accum_steps"])
        expected_params = dict(ref_model.named_parameters())
        for name, p in model.named_parameters():
            grade.trying(f"{code}; model's parameter {name!r} after the epoch")
            grade.check(np.allclose(p.data, expected_params[name].data, rtol=1e-10, atol=1e-10),
                        expected=expected_params[name].data, got=p.data,
                        hint=HINTS["accum_params"])
        grade.trying(f"{code}  (the value returned)")
        grade.close(got, expected, rel=1e-9, abs=1e-12, hint=HINTS["epoch_loss"])
        grade.trying(f"{code}; model.training")
        grade.check(model.training is True, expected=True, got=model.training,
                    hint=HINTS["epoch_mode"])

    def test_several_epochs_keep_learning(self, submission, grade):
        build, code = accumulation_case(8, 60, 8, 3, "optim.SGD(model.parameters(), lr=0.1)",
                                        False)
        model, loader, loss_fn, optimizer = build()
        ref_model, ref_loader, ref_loss_fn, ref_optimizer = build()
        for epoch in range(1, 4):
            expected = big_batch_epoch(ref_model, list(ref_loader), 3, ref_loss_fn, ref_optimizer)
            grade.trying(f"{code}  (epoch {epoch} with the same model, loader and optimizer)")
            got = submission.train_epoch_accumulated(model, loader, loss_fn, optimizer, 3)
            grade.close(got, expected, rel=1e-9, abs=1e-12, hint=HINTS["accum_params"])


# --- 7.2 early stopping -------------------------------------------------------------------------
def expected_stop(losses, patience, min_delta):
    """The grader's own rule, the same as minigrad.train.EarlyStopping inside fit."""
    best, best_epoch, waited = math.inf, 0, 0
    for epoch, loss in enumerate(losses, start=1):
        if loss < best - min_delta:
            best, best_epoch, waited = loss, epoch, 0
        else:
            waited += 1
            if waited >= patience:
                return epoch, best_epoch
    return len(losses), best_epoch


def check_stop(submission, grade, losses, patience, min_delta=None):
    if min_delta is None:
        grade.trying(f"early_stopping_epoch({losses}, patience={patience})")
        got = submission.early_stopping_epoch(list(losses), patience)
        expected = expected_stop(losses, patience, 0.0)
    else:
        grade.trying(f"early_stopping_epoch({losses}, patience={patience}, min_delta={min_delta})")
        got = submission.early_stopping_epoch(list(losses), patience, min_delta)
        expected = expected_stop(losses, patience, min_delta)
    is_pair = (isinstance(got, (tuple, list)) and len(got) == 2
               and all(isinstance(v, (int, np.integer)) and not isinstance(v, bool) for v in got))
    grade.check(is_pair, expected=expected, got=got, hint=HINTS["pair"])
    grade.check(tuple(int(v) for v in got) == expected, expected=expected, got=tuple(got),
                hint=HINTS["stop"])


def validation_curve(rng: np.random.Generator) -> list[float]:
    """A noisy U: the loss falls, then rises as the network overfits (rounded: readable)."""
    n = int(rng.integers(3, 30))
    bottom = rng.uniform(0.2, 0.8) * n
    t = np.arange(n)
    curve = 0.3 + 1.5 * np.exp(-t / max(bottom / 2, 0.5)) + 0.02 * np.maximum(t - bottom, 0)
    curve += rng.normal(scale=rng.choice([0.0, 0.01, 0.05]), size=n)
    return [round(float(v), 3) for v in curve]


STOP_CASES = [  # (losses, patience, min_delta): no drop equals a min_delta (a tie is rounding's)
    ([0.9, 0.8, 0.7, 0.6, 0.5], 2, None),                    # always improving: the end
    ([0.5, 0.6, 0.7, 0.8], 2, None),                         # the first epoch is the best
    ([0.5, 0.6, 0.7, 0.8], 1, None),
    ([0.5], 3, None),
    ([1.0, 0.8, 0.8, 0.8, 0.7], 2, None),                    # equal is not better
    ([1.0, 0.8, 0.9, 0.85, 0.82, 0.79, 0.9, 0.95], 3, None),  # a later best, compared with 0.8
    ([1.0, 0.9, 0.95, 0.92, 0.91, 0.93], 4, None),           # each below the previous, not the best
    ([1.0, 0.99, 0.98, 0.97, 0.96], 2, 0.025),               # drops smaller than min_delta
    ([1.0, 0.95, 0.94, 0.935, 0.93, 0.9, 0.85], 3, 0.025),  # the best stays 0.95 meanwhile
    ([2.0, 1.0, 1.5, 1.4, 0.99, 1.2], 10, None),             # patience longer than training
]


@pytest.mark.exercise("ch07.early_stopping_epoch", points=2)
class TestEarlyStoppingEpoch:
    @pytest.mark.parametrize("losses, patience, min_delta", STOP_CASES,
                             ids=range(len(STOP_CASES)))
    def test_edge_cases(self, submission, grade, losses, patience, min_delta):
        check_stop(submission, grade, losses, patience, min_delta)

    def test_random_validation_curves(self, submission, grade):
        rng = grading.rng(707)
        for _ in range(60):
            losses = validation_curve(rng)
            patience = int(rng.integers(1, 7))
            # Off the losses' grid of 0.001: a drop never equals min_delta, whose tie floating
            # point would decide (1.0 - 0.98 > 0.02), whichever way a solution writes the test.
            min_delta = [None, 0.0, 0.0105, 0.0505][int(rng.integers(0, 4))]
            check_stop(submission, grade, losses, patience, min_delta)


# --- 7.3 accuracy under other class shares ----------------------------------------------------
def expected_accuracy(matrix, priors):
    """Each class with a share counts its share times its rate of correct test answers."""
    return sum(share * matrix[i][i] / sum(matrix[i]) for i, share in enumerate(priors) if share)


def described_call(matrix, priors):
    return " ".join(f"accuracy_under_priors({matrix!r}, {priors!r})".split())


def check_priors(submission, grade, matrix, priors, hint=HINTS["priors"]):
    grade.trying(described_call(matrix, priors))
    before = np.array(matrix, dtype=float), np.array(priors, dtype=float)
    with np.errstate(all="ignore"):
        got = submission.accuracy_under_priors(matrix, priors)
    grade.close(got, expected_accuracy(np.asarray(matrix, dtype=float).tolist(),
                                       np.asarray(priors, dtype=float).tolist()),
                rel=1e-9, abs=1e-12, hint=hint)
    grade.unchanged("matrix", np.asarray(matrix, dtype=float), before[0], hint=hint)
    grade.unchanged("priors", np.asarray(priors, dtype=float), before[1], hint=hint)


PRIOR_CASES = [
    ([[3, 1], [1, 7]], [0.5, 0.5]),            # rates 3/4 and 7/8: 0.8125, not 10/12
    ([[3, 1], [1, 7]], [0.9, 0.1]),
    ([[40, 0, 0], [5, 5, 0], [0, 0, 1]], [1 / 3, 1 / 3, 1 / 3]),   # a test set far from even
    ([[40, 0, 0], [5, 5, 0], [0, 0, 1]], [0.0, 1.0, 0.0]),         # every sample of class 1
    ([[7, 0], [0, 2]], [0.3, 0.7]),            # never wrong: 1 whatever the shares
    ([[0, 4], [3, 0]], [0.6, 0.4]),            # always wrong: 0
    (np.array([[2, 1, 1], [0, 9, 3], [1, 0, 4]]), np.array([0.2, 0.5, 0.3])),
    (np.array([[2.0, 1.0], [1.0, 7.0]]), np.array([0.25, 0.75])),  # float arrays, not to be changed
]
UNSEEN_ZERO_CASES = [
    ([[3, 1, 0], [0, 0, 0], [0, 1, 5]], [0.5, 0.0, 0.5]),
    (np.array([[0, 0], [2, 6]]), np.array([0.0, 1.0])),
]
UNSEEN_CASES = [
    ([[3, 1, 0], [0, 0, 0], [0, 1, 5]], [0.5, 0.2, 0.3], 1),
    ([[0, 0], [2, 6]], [0.5, 0.5], 0),
]


def random_matrix_and_priors(rng):
    k = int(rng.integers(2, 11))
    sizes = rng.integers(1, 60, size=k) * (rng.random(k) < 0.9)   # some classes never tested
    sizes[rng.integers(0, k)] = max(sizes.max(), 1)
    matrix = np.zeros((k, k), dtype=np.int64)
    for i, n in enumerate(sizes):
        wrong = rng.random(n) < rng.uniform(0, 0.7)
        matrix[i] = np.bincount(np.where(wrong, rng.integers(0, k, size=n), i), minlength=k)
    priors = rng.dirichlet(np.ones(k) * 0.7) * (sizes > 0)
    return matrix, priors / priors.sum()


@pytest.mark.exercise("ch07.accuracy_under_priors", points=2)
class TestAccuracyUnderPriors:
    @pytest.mark.parametrize("matrix, priors", PRIOR_CASES, ids=range(len(PRIOR_CASES)))
    def test_edge_cases(self, submission, grade, matrix, priors):
        check_priors(submission, grade, matrix, priors)

    @pytest.mark.parametrize("matrix, priors", UNSEEN_ZERO_CASES,
                             ids=range(len(UNSEEN_ZERO_CASES)))
    def test_an_untested_class_of_share_0(self, submission, grade, matrix, priors):
        check_priors(submission, grade, matrix, priors, hint=HINTS["unseen_zero"])

    @pytest.mark.parametrize("matrix, priors, unseen", UNSEEN_CASES, ids=range(len(UNSEEN_CASES)))
    def test_an_untested_class_with_a_share(self, submission, grade, matrix, priors, unseen):
        grade.trying(described_call(matrix, priors))
        grade.refuses(lambda: submission.accuracy_under_priors(matrix, priors),
                      ["accuracy_under_priors", unseen], hint=HINTS["unseen"])

    def test_random_matrices_and_shares(self, submission, grade):
        rng = grading.rng(7007)
        for _ in range(40):
            matrix, priors = random_matrix_and_priors(rng)
            if rng.random() < 0.3:
                matrix, priors = matrix.tolist(), priors.tolist()
            check_priors(submission, grade, matrix, priors)
