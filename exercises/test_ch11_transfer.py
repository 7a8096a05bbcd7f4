"""Graders for chapter 11 (exercises/ch11_transfer.py): freezing layers, labels' worth.

freeze_features is tried on random ``nn.Sequential`` models, nested or not, some of whose
parameters were frozen before (so they must be thawed). equivalent_labels is tried on learning
curves whose answers are known by hand (straight in log n, with ends, flat stretches and dips),
on the chapter's printed means, and on random curves. Inputs are drawn anew each run.
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
    "length": {
        "en": "Return a list with one entry per accuracy of acc_transfer, in the same order: "
              "a number, or None.",
        "ca": "Retorna una llista amb un element per cada exactitud de acc_transfer, en el "
              "mateix ordre: un nombre, o None.",
    },
    "first": {
        "en": "When training from scratch already reaches the accuracy at counts[0], the answer "
              "is counts[0]: no smaller count was measured, so read nothing off the curve to its "
              "left, and do not extrapolate.",
        "ca": "Quan l'entrenament des de zero ja arriba a l'exactitud amb counts[0], la resposta "
              "és counts[0]: no s'ha mesurat cap nombre més petit, així que no llegeixis res a "
              "l'esquerra de la corba ni extrapolis.",
    },
    "never": {
        "en": "If the scratch curve never reaches the accuracy within the measured counts, "
              "return None for it, not the last count, inf or nan: nobody knows how many labels "
              "it would take.",
        "ca": "Si la corba des de zero no arriba mai a l'exactitud dins dels nombres mesurats, "
              "retorna-hi None, no l'últim nombre, inf ni nan: ningú no sap quantes etiquetes "
              "caldrien.",
    },
    "between": {
        "en": "Wrong number of labels. Between which two measured points does the scratch curve "
              "cross the accuracy, and where on that segment? The segment is a straight line on "
              "a logarithmic n axis, as in the chapter's plot: equal steps along it multiply n, "
              "they do not add to it.",
        "ca": "El nombre d'etiquetes no és correcte. Entre quins dos punts mesurats travessa la "
              "corba des de zero l'exactitud, i en quin lloc del segment? El segment és una recta "
              "sobre un eix de n logarítmic, com al gràfic del capítol: passos iguals al llarg "
              "del segment multipliquen n, no hi sumen.",
    },
    "crossing": {
        "en": "A measured curve can go down as well as up (noise): the answer is where it FIRST "
              "reaches the accuracy, from the left, and a flat stretch at exactly that accuracy "
              "reaches it at its start.",
        "ca": "Una corba mesurada pot baixar i pujar (soroll): la resposta és on arriba PER "
              "PRIMER COP a l'exactitud, des de l'esquerra, i un tram pla just a aquesta "
              "exactitud hi arriba al començament.",
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


# --- equivalent_labels -----------------------------------------------------------------------
def reached_at(counts, scratch, target):
    """The grader's own answer: the first crossing, straight between points in log n."""
    log_n = np.log(np.asarray(counts, dtype=float))
    for k, accuracy in enumerate(scratch):
        if accuracy >= target:
            if k == 0:
                return float(counts[0])
            t = (target - scratch[k - 1]) / (accuracy - scratch[k - 1])
            return float(np.exp(log_n[k - 1] + t * (log_n[k] - log_n[k - 1])))
    return None


def labels_cases():
    """(counts, scratch, transfer, the hint for a wrong answer); known answers first."""
    doubling = [1, 2, 4, 8, 16]
    straight = [0.5, 0.6, 0.7, 0.8, 0.9]       # 0.5 + 0.1 log2 n: m = 2 ** ((a - 0.5) / 0.1)
    yield doubling, straight, [0.65, 0.75, 0.85], "between"
    yield [10, 100, 1000], [0.6, 0.8, 0.9], [0.7, 0.85], "between"   # 31.6 and 316, not 55
    yield doubling, straight, [0.4, 0.5, 0.55], "first"
    yield doubling, straight, [0.6, 0.9, 0.95, 1.0], "never"
    yield [1, 3, 9, 27], [0.6, 0.8, 0.7, 0.9], [0.75, 0.85, 0.8], "crossing"
    yield [2, 4, 8, 16], [0.5, 0.7, 0.7, 0.9], [0.7, 0.8], "crossing"
    yield [3, 6, 12], [0.9, 0.8, 0.7], [0.95, 0.85], "crossing"       # a falling curve
    # The chapter's printed means: scratch against fine-tuned (c) and frozen (b).
    chapter = [1, 2, 5, 10, 20], [0.706, 0.768, 0.884, 0.942, 0.958]
    yield *chapter, [0.745, 0.818, 0.916, 0.940, 0.958], "between"
    yield *chapter, [0.708, 0.798, 0.890, 0.916, 0.954], "between"
    rng = grading.rng(1110)
    for _ in range(12):
        k = int(rng.integers(2, 7))
        counts = sorted(set(rng.integers(1, 60, 3 * k).tolist()))[:k]
        scratch = np.round(np.sort(rng.uniform(0.3, 0.95, len(counts))), 3)
        if rng.random() < 0.4:                                         # noise: not monotonic
            scratch = np.round(scratch + rng.normal(0, 0.04, len(counts)), 3)
        transfer = np.round(rng.uniform(0.25, 1.0, int(rng.integers(1, 6))), 3)
        yield counts, scratch.tolist(), transfer.tolist(), "between"


def hint_for(expected, counts, scratch, target, kind):
    """The hint of the mistake this entry can show: its own kind, or first / never."""
    if expected is None:
        return "never"
    if expected == float(counts[0]) and scratch[0] >= target:
        return "first"
    return kind


@pytest.mark.exercise("ch11.equivalent_labels", points=2)
class TestEquivalentLabels:
    def test_known_and_random_curves(self, submission, grade):
        for case, (counts, scratch, transfer, kind) in enumerate(labels_cases()):
            as_arrays = case % 2 == 1                                  # lists and arrays
            args = [np.array(a) if as_arrays else list(a) for a in (counts, scratch, transfer)]
            shown = ", ".join(f"np.array({list(a)!r})" if as_arrays else repr(list(a))
                              for a in (counts, scratch, transfer))
            grade.trying(f"equivalent_labels({shown})")
            got = submission.equivalent_labels(*args)
            expected = [reached_at(counts, scratch, target) for target in transfer]
            grade.check(isinstance(got, (list, tuple)) and len(got) == len(expected),
                        expected={"en": f"a list of {len(expected)} entries",
                                  "ca": f"una llista de {len(expected)} elements"},
                        got=got, hint=HINTS["length"])
            for k, (value, wanted) in enumerate(zip(got, expected)):
                grade.trying(f"equivalent_labels({shown})[{k}]")
                hint = HINTS[hint_for(wanted, counts, scratch, transfer[k], kind)]
                if wanted is None or value is None:
                    grade.check(value is wanted, expected=wanted, got=value, hint=hint)
                else:
                    grade.close(value, wanted, rel=1e-6, hint=hint)
