"""Graders for chapter 11 (exercises/ch11_transfer.py): freezing layers, comparing trainers.

freeze_features is tried on random ``nn.Sequential`` models, nested or not, some of whose
parameters were frozen before (so they must be thawed). compare is given trainers that record
every training set they receive and predict with a nearest class mean, so the grader can check
which examples were kept and recompute every accuracy itself. Inputs are drawn anew each run.
"""

from __future__ import annotations

import random

import numpy as np
import pytest

import grading
import minigrad
from minigrad import nn

HINTS = {
    "flags": {
        "en": "Some requires_grad flags are wrong. n_frozen counts layers from the first one: "
              "which layers are frozen, and which must be trainable, biases included, even if an "
              "earlier call froze them?",
        "ca": "Alguns indicadors requires_grad són incorrectes. n_frozen compta capes des de la "
              "primera: quines capes queden congelades, i quines han de ser entrenables, biaixos "
              "inclosos, encara que una crida anterior les hagués congelat?",
    },
    "returned": {
        "en": "Return a list of the parameters that are still trainable (the Parameter objects "
              "themselves, not copies or names), in the order of model.parameters().",
        "ca": "Retorna una llista amb els paràmetres que continuen sent entrenables (els "
              "objectes Parameter mateixos, no còpies ni noms), en l'ordre de "
              "model.parameters().",
    },
    "step": {
        "en": "After a training step with the returned parameters, the frozen layers must be "
              "unchanged and have grad None: freeze with requires_grad = False (setting grad "
              "to None is not enough, backward() fills it again).",
        "ca": "Després d'un pas d'entrenament amb els paràmetres retornats, les capes "
              "congelades han de quedar igual i amb grad None: congela amb requires_grad = "
              "False (posar grad a None no n'hi ha prou, backward() el torna a omplir).",
    },
    "calls": {
        "en": "Call each trainer exactly once for each n in labels_per_class, in that order.",
        "ca": "Crida cada entrenador exactament un cop per a cada n de labels_per_class, en "
              "aquest ordre.",
    },
    "subset": {
        "en": "The trainer received the wrong examples. For each n it must get, for EVERY class "
              "of the pool, the first n examples of that class in pool order (all of them if "
              "there are fewer), not the first n of the whole pool, with their rows of X_pool and "
              "y_pool.",
        "ca": "L'entrenador ha rebut exemples incorrectes. Per a cada n ha de rebre, per a CADA "
              "classe del conjunt, els n primers exemples d'aquesta classe en l'ordre del conjunt "
              "(tots, si n'hi ha menys), no els n primers de tot el conjunt, amb les seves files "
              "de X_pool i y_pool.",
    },
    "accuracy": {
        "en": "Wrong accuracies. Which examples measure them: those the model was trained on, or "
              "the test set? The accuracy is the fraction of those examples classified right. "
              "Return {name: [one accuracy per n]}.",
        "ca": "Les exactituds no són correctes. Amb quins exemples es mesuren: amb els "
              "d'entrenament del model, o amb el conjunt de prova? L'exactitud és la fracció "
              "d'aquests exemples ben classificats. Retorna {nom: [una exactitud per cada n]}.",
    },
}


# --- freeze_features -------------------------------------------------------------------------
def random_model(rng: random.Random) -> tuple[nn.Sequential, str]:
    """A random Sequential of Linear, ReLU, Tanh and nested Sequential layers, and its code."""
    size = rng.randint(2, 5)
    layers, code = [], []
    for _ in range(rng.randint(2, 6)):
        kind = rng.choice(["linear", "linear", "relu", "tanh", "block"])
        if kind == "linear":
            out = rng.randint(2, 5)
            layers.append(nn.Linear(size, out, bias=rng.random() < 0.8))
            code.append(f"nn.Linear({size}, {out}, bias={layers[-1].bias is not None})")
            size = out
        elif kind == "block":
            out = rng.randint(2, 5)
            layers.append(nn.Sequential(nn.Linear(size, out), nn.ReLU(), nn.Linear(out, out)))
            code.append(f"nn.Sequential(nn.Linear({size}, {out}), nn.ReLU(), "
                        f"nn.Linear({out}, {out}))")
            size = out
        else:
            layers.append(nn.ReLU() if kind == "relu" else nn.Tanh())
            code.append("nn.ReLU()" if kind == "relu" else "nn.Tanh()")
    layers.append(nn.Linear(size, 2))
    code.append(f"nn.Linear({size}, 2)")
    return nn.Sequential(*layers), "nn.Sequential(" + ", ".join(code) + ")"


def freeze_cases():
    rng = grading.random(1101)
    minigrad.manual_seed(1101)
    for _ in range(25):
        model, code = random_model(rng)
        n_frozen = rng.randint(0, len(model))
        # Some parameters start frozen, as after an earlier freeze: they may need thawing.
        thawed = rng.random() < 0.5
        for p in model.parameters():
            p.requires_grad = not thawed or rng.random() < 0.5
        setup = code if not thawed else code + " with some parameters frozen before"
        yield model, n_frozen, setup


@pytest.mark.exercise("ch11.freeze_features", points=2)
class TestFreezeFeatures:
    def test_flags_and_returned_parameters(self, submission, grade):
        for model, n_frozen, setup in freeze_cases():
            layer_of = [i for i, layer in enumerate(model) for _ in layer.parameters()]
            params = list(model.parameters())
            grade.trying(f"model = {setup}; freeze_features(model, {n_frozen})")
            got = submission.freeze_features(model, n_frozen)
            flags = [p.requires_grad for p in params]
            wanted = [i >= n_frozen for i in layer_of]
            grade.check(flags == wanted,
                        expected={"en": f"requires_grad of model.parameters(): {wanted}",
                                  "ca": f"requires_grad de model.parameters(): {wanted}"},
                        got={"en": f"requires_grad of model.parameters(): {flags}",
                             "ca": f"requires_grad de model.parameters(): {flags}"},
                        hint=HINTS["flags"])
            expected = [p for p, keep in zip(params, wanted) if keep]
            same = (isinstance(got, list) and len(got) == len(expected)
                    and all(g is e for g, e in zip(got, expected)))
            grade.check(same, hint=HINTS["returned"],
                        expected={"en": f"a list of the {len(expected)} trainable parameters",
                                  "ca": f"una llista dels {len(expected)} paràmetres "
                                        "entrenables"},
                        got=got if not isinstance(got, list) else
                        {"en": f"a list of {len(got)} items", "ca": f"una llista de {len(got)} "
                                                                    "elements"})

    def test_a_training_step_leaves_frozen_layers_alone(self, submission, grade):
        minigrad.manual_seed(1102)
        features = nn.Sequential(nn.Linear(4, 6), nn.ReLU(), nn.Linear(6, 6), nn.ReLU())
        model = nn.Sequential(features, nn.Linear(6, 3))
        grade.trying("model = nn.Sequential(nn.Sequential(nn.Linear(4, 6), nn.ReLU(), "
                     "nn.Linear(6, 6), nn.ReLU()), nn.Linear(6, 3)); "
                     "optim.SGD(freeze_features(model, 1), lr=0.1); one training step")
        trainable = submission.freeze_features(model, 1)
        before = {name: p.data.copy() for name, p in model.named_parameters()}
        x = minigrad.Tensor(np.random.default_rng(0).normal(size=(8, 4)))
        loss = nn.CrossEntropyLoss()(model(x), np.arange(8) % 3)
        optimizer = minigrad.optim.SGD(trainable, lr=0.1)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        changed = sorted(name for name, p in model.named_parameters()
                         if not np.array_equal(p.data, before[name]))
        graded = sorted(name for name, p in model.named_parameters() if p.grad is not None)
        wanted = ["1.bias", "1.weight"]
        grade.check(changed == wanted and graded == wanted, hint=HINTS["step"],
                    expected={"en": f"only {wanted} changed and with a grad",
                              "ca": f"només {wanted} canviats i amb grad"},
                    got={"en": f"changed: {changed}; with a grad: {graded}",
                         "ca": f"canviats: {changed}; amb grad: {graded}"})


# --- compare ---------------------------------------------------------------------------------
class Recorder:
    """A trainer that records what it is given and predicts with the nearest class mean."""

    def __init__(self, shift: float = 0.0) -> None:
        self.calls: list[tuple[np.ndarray, np.ndarray]] = []
        self.shift = shift

    def __call__(self, X, y):
        X, y = np.array(X, dtype=float), np.array(y)
        self.calls.append((X, y))
        return nearest_mean(X, y, self.shift)


def nearest_mean(X, y, shift):
    classes = np.unique(y)
    means = np.stack([X[y == c, 1:].mean(axis=0) for c in classes]) + shift

    def predict(Xq):
        Xq = np.asarray(Xq, dtype=float)[:, 1:]
        d = ((Xq[:, None, :] - means[None]) ** 2).sum(axis=-1)
        return classes[d.argmin(axis=1)]
    return predict


def majority(X, y):
    values, counts = np.unique(np.asarray(y), return_counts=True)
    label = values[counts.argmax()]
    return lambda Xq: np.full(len(Xq), label)


def make_pool(rng, classes, per_class, n_test):
    """Column 0 of X is a unique id, the other columns noisy class centres."""
    centres = {c: rng.normal(0, 1.2, 3) for c in classes}
    y = np.array([c for c, k in zip(classes, per_class) for _ in range(k)])
    rng.shuffle(y)
    y_test = rng.choice(classes, n_test)

    def points(labels, first_id):
        feats = np.stack([centres[c] for c in labels]) + rng.normal(0, 1.0, (len(labels), 3))
        ids = np.arange(first_id, first_id + len(labels))[:, None]
        return np.hstack([ids, feats])
    return points(y, 0), y, points(y_test, 10_000), y_test


def expected_keep(y_pool, n):
    return np.sort(np.concatenate([np.flatnonzero(y_pool == c)[:n] for c in np.unique(y_pool)]))


def compare_cases():
    rng = grading.rng(1110)
    yield make_pool(rng, [0, 1, 2, 3, 4], [8, 8, 8, 8, 8], 60), [1, 2, 5]
    yield make_pool(rng, [5, 6, 7], [3, 10, 6], 40), [1, 4, 20]          # a class runs out
    yield make_pool(rng, [2, 9], [12, 12], 30), [6, 3, 1]                # n not increasing
    for _ in range(8):
        k = int(rng.integers(2, 6))
        classes = sorted(rng.choice(10, k, replace=False).tolist())
        per_class = rng.integers(2, 15, k).tolist()
        counts = sorted(set(rng.integers(1, 12, 3).tolist()))
        yield make_pool(rng, classes, per_class, int(rng.integers(20, 60))), counts


@pytest.mark.exercise("ch11.compare", points=2)
class TestCompare:
    def test_subsets_and_accuracies(self, submission, grade):
        for (X_pool, y_pool, X_test, y_test), counts in compare_cases():
            near, shifted = Recorder(), Recorder(shift=0.7)
            majority_calls = []

            def counted_majority(X, y):
                majority_calls.append(len(y))
                return majority(X, y)
            trainers = {"nearest mean": near, "majority": counted_majority, "shifted": shifted}
            grade.trying(f"compare(trainers, X_pool, y_pool, X_test, y_test, {counts}) with "
                         f"y_pool = {y_pool.tolist()}")
            got = submission.compare(trainers, X_pool.copy(), y_pool.copy(), X_test.copy(),
                                     y_test.copy(), list(counts))
            calls = [len(near.calls), len(majority_calls), len(shifted.calls)]
            grade.check(calls == [len(counts)] * 3, hint=HINTS["calls"],
                        expected={"en": f"each trainer called {len(counts)} times",
                                  "ca": f"cada entrenador cridat {len(counts)} vegades"},
                        got={"en": f"calls per trainer: {calls}",
                             "ca": f"crides per entrenador: {calls}"})
            for n, (X, y) in zip(counts, near.calls):
                keep = expected_keep(y_pool, n)
                ids = X[:, 0].astype(int)
                rows_match = np.array_equal(y_pool[ids], y)
                grade.check(sorted(ids.tolist()) == keep.tolist() and rows_match,
                            hint=HINTS["subset"],
                            expected={"en": f"for n={n}: the pool examples at positions "
                                            f"{keep.tolist()}",
                                      "ca": f"per a n={n}: els exemples del conjunt a les "
                                            f"posicions {keep.tolist()}"},
                            got={"en": f"the examples at positions {sorted(ids.tolist())}",
                                 "ca": f"els exemples a les posicions {sorted(ids.tolist())}"})
            expected = {}
            for name, make in (("nearest mean", lambda X, y: nearest_mean(X, y, 0.0)),
                               ("majority", majority),
                               ("shifted", lambda X, y: nearest_mean(X, y, 0.7))):
                expected[name] = []
                for n in counts:
                    keep = expected_keep(y_pool, n)
                    predict = make(X_pool[keep], y_pool[keep])
                    expected[name].append(float(np.mean(predict(X_test) == y_test)))
            ok = isinstance(got, dict) and set(got) == set(expected) and all(
                len(got[k]) == len(v) and np.allclose(np.asarray(got[k], dtype=float), v,
                                                      rtol=0, atol=1e-9)
                for k, v in expected.items())
            # dicts of numbers are shown as text: the plugin reads a dict as words in two languages
            grade.check(ok, expected={"en": repr(expected), "ca": repr(expected)},
                        got={"en": repr(got), "ca": repr(got)}, hint=HINTS["accuracy"])
