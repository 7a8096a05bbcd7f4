"""Graders for chapter 7 (exercises/ch07_training.py): accumulation, early stopping, metrics.

``minigrad.train`` already does all three (``fit``, ``EarlyStopping``, ``accuracy``,
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
    "matrix": {
        "en": "M must have shape (num_classes, num_classes), even for classes that never occur, "
              "and M[i, j] must count the samples whose TRUE class is i and PREDICTED class is "
              "j: rows are the truth, columns the prediction.",
        "ca": "M ha de tenir forma (num_classes, num_classes), fins i tot per a classes que no "
              "apareixen mai, i M[i, j] ha de comptar les mostres amb classe REAL i i classe "
              "PREDITA j: les files són la veritat, les columnes la predicció.",
    },
    "accuracy": {
        "en": "The accuracy is the fraction of all SAMPLES predicted correctly, a float between 0 "
              "and 1, not the mean of each class's rate. Where in the confusion matrix are the "
              "correct predictions, and what do you divide them by?",
        "ca": "L'exactitud és la fracció de totes les MOSTRES predites correctament, un float "
              "entre 0 i 1, no la mitjana de la taxa de cada classe. On són les prediccions "
              "correctes a la matriu de confusió, i per què les divideixes?",
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


STOP_CASES = [  # (losses, patience, min_delta)
    ([0.9, 0.8, 0.7, 0.6, 0.5], 2, None),                    # always improving: the end
    ([0.5, 0.6, 0.7, 0.8], 2, None),                         # the first epoch is the best
    ([0.5, 0.6, 0.7, 0.8], 1, None),
    ([0.5], 3, None),
    ([1.0, 0.8, 0.8, 0.8, 0.7], 2, None),                    # equal is not better
    ([1.0, 0.8, 0.9, 0.85, 0.82, 0.79, 0.9, 0.95], 3, None),  # a later best, compared with 0.8
    ([1.0, 0.9, 0.95, 0.92, 0.91, 0.93], 4, None),           # each below the previous, not the best
    ([1.0, 0.99, 0.98, 0.97, 0.96], 2, 0.02),                # drops smaller than min_delta
    ([1.0, 0.95, 0.94, 0.935, 0.93, 0.9, 0.85], 3, 0.02),   # the best stays 0.95 meanwhile
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
            min_delta = [None, 0.0, 0.01, 0.05][int(rng.integers(0, 4))]
            check_stop(submission, grade, losses, patience, min_delta)


# --- 7.3 accuracy and confusion matrix ----------------------------------------------------------
def expected_metrics(y_true, y_pred, num_classes):
    matrix = np.zeros((num_classes, num_classes), dtype=np.int64)
    for t, p in zip(y_true, y_pred):
        matrix[t][p] += 1
    return sum(t == p for t, p in zip(y_true, y_pred)) / len(y_true), matrix


def check_metrics(submission, grade, y_true, y_pred, num_classes):
    code = f"accuracy_and_confusion_matrix({y_true!r}, {y_pred!r}, num_classes={num_classes})"
    code = " ".join(code.split())
    grade.trying(code)
    got = submission.accuracy_and_confusion_matrix(y_true, y_pred, num_classes)
    expected_acc, expected_matrix = expected_metrics(list(y_true), list(y_pred), num_classes)
    grade.check(isinstance(got, (tuple, list)) and len(got) == 2, hint=HINTS["matrix"],
                expected={"en": "a pair (accuracy, matrix)", "ca": "una parella (exactitud, matriu)"},
                got=got)
    acc, matrix = got
    grade.trying(f"{code}  (the matrix)")
    ok = np.shape(matrix) == expected_matrix.shape and np.array_equal(matrix, expected_matrix)
    grade.check(ok, expected=expected_matrix, got=matrix, hint=HINTS["matrix"])
    grade.trying(f"{code}  (the accuracy)")
    grade.close(acc, expected_acc, rel=1e-9, abs=1e-12, hint=HINTS["accuracy"])


METRIC_CASES = [
    ([0, 1, 2, 2, 1], [0, 2, 2, 2, 1], 3),
    ([0, 0, 0, 1], [1, 1, 0, 1], 2),            # rows are the truth: M[0, 1] = 2, not M[1, 0]
    ([3, 3, 0], [3, 0, 0], 5),                  # classes 1, 2 and 4 never occur
    ([1, 1, 1, 1], [1, 1, 1, 1], 4),
    ([0, 1, 2], [1, 2, 0], 3),                  # all wrong
    ([2], [2], 3),
    (np.array([0, 1, 1, 1, 1, 1, 1, 1, 1, 0]), np.array([0, 1, 1, 1, 1, 1, 1, 1, 1, 1]), 2),
]


@pytest.mark.exercise("ch07.accuracy_and_confusion_matrix", points=2)
class TestAccuracyAndConfusionMatrix:
    @pytest.mark.parametrize("y_true, y_pred, num_classes", METRIC_CASES,
                             ids=range(len(METRIC_CASES)))
    def test_edge_cases(self, submission, grade, y_true, y_pred, num_classes):
        check_metrics(submission, grade, y_true, y_pred, num_classes)

    def test_random_predictions(self, submission, grade):
        rng = grading.rng(7007)
        for _ in range(40):
            num_classes = int(rng.integers(2, 11))
            n = int(rng.integers(1, 60))
            # unequal class sizes: accuracy and the mean per-class rate then differ
            share = rng.dirichlet(np.ones(num_classes) * 0.5)
            y_true = rng.choice(num_classes, size=n, p=share)
            wrong = rng.random(n) < rng.uniform(0, 0.6)
            y_pred = np.where(wrong, rng.integers(0, num_classes, size=n), y_true)
            if rng.random() < 0.3:
                y_true, y_pred = y_true.tolist(), y_pred.tolist()
            check_metrics(submission, grade, y_true, y_pred, num_classes)
