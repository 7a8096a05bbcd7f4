"""Graders for chapter 12 (exercises/ch12_limits.py): miss rates per group, saliency maps.

The false-negative and false-positive rates of each group are checked on cases with answers
known by hand (groups with no positive or no negative example, a positive label other than 1,
three labels) and on random labels and groups (strings, numbers and booleans, lists and arrays).
Saliency maps are checked on random minigrad models and batches: for a linear model the answer is known exactly (the absolute weights of each image's target class);
for networks with hidden layers the grader computes each image's input gradient itself, one
image at a time, and compares. The grader counts the calls of ``Tensor.backward``: one per
batch. Inputs are drawn anew each run.
"""

from __future__ import annotations

import math
import numbers

import numpy as np
import pytest

import grading
import minigrad
from minigrad import nn

HINTS = {
    "groups": {
        "en": "Return a dictionary with exactly one key per group that occurs in `groups` "
              "(np.unique(groups) lists them), and a pair of rates for each.",
        "ca": "Retorna un diccionari amb exactament una clau per cada grup que apareix a "
              "`groups` (np.unique(groups) els llista), i un parell de taxes per a cadascun.",
    },
    "pair": {
        "en": "Each group's value is a pair (false-negative rate, false-positive rate), in that "
              "order: the missed positives first, then the false alarms.",
        "ca": "El valor de cada grup és un parell (taxa de falsos negatius, taxa de falsos "
              "positius), en aquest ordre: primer els positius que s'escapen, després les falses "
              "alarmes.",
    },
    "fnr": {
        "en": "Wrong false-negative rate. Which of the group's examples can be a false negative "
              "at all? Count, among only those, how many were not predicted positive, and divide "
              "by how many they are, not by the size of the group.",
        "ca": "La taxa de falsos negatius no és correcta. Quins exemples del grup poden ser un "
              "fals negatiu? Compta, només entre aquests, quants no s'han predit com a positius, i "
              "divideix per quants són, no per la mida del grup.",
    },
    "fpr": {
        "en": "Wrong false-positive rate. Which of the group's examples can be a false positive "
              "at all? Count, among only those, how many were predicted positive, and divide by "
              "how many they are, not by the size of the group.",
        "ca": "La taxa de falsos positius no és correcta. Quins exemples del grup poden ser un "
              "fals positiu? Compta, només entre aquests, quants s'han predit com a positius, i "
              "divideix per quants són, no per la mida del grup.",
    },
    "positive": {
        "en": "Use the `positive` argument: the positive label need not be 1 (it can be 0, 2 or "
              "\"sick\"), and every other label is negative. With more than two labels, a "
              "negative example predicted as ANOTHER negative label is wrong, but it is no false "
              "alarm: nobody was called back.",
        "ca": "Fes servir l'argument `positive`: no cal que l'etiqueta positiva sigui "
              "1 (pot ser 0, 2 o \"sick\"), i totes les altres etiquetes són negatives. Amb més "
              "de dues etiquetes, un exemple negatiu predit amb una ALTRA etiqueta negativa és "
              "un error, però no és una falsa alarma: no s'ha tornat a cridar ningú.",
    },
    "none": {
        "en": "A group with no positive example has no false-negative rate (and one with no "
              "negative example no false-positive rate): return None for it, not 0, nan or an "
              "error. A rate of 0 would claim the test never misses, when it never had the "
              "chance to.",
        "ca": "Un grup sense cap exemple positiu no té taxa de falsos negatius (i un sense cap "
              "exemple negatiu no en té de falsos positius): retorna-hi None, no 0, nan ni un "
              "error. Una taxa de 0 afirmaria que la prova no falla mai, quan no ha tingut "
              "ocasió de fallar.",
    },
    "shape": {
        "en": "Return a numpy array of shape (N, H, W), one map per image: the input's grad has "
              "the shape (N, 1, H, W) of the batch you gave the model.",
        "ca": "Retorna un array de numpy de forma (N, H, W), un mapa per imatge: el grad de "
              "l'entrada té la forma (N, 1, H, W) del lot que has donat al model.",
    },
    "one_backward": {
        "en": "Call backward() once for the whole batch, not once per image. The pixels of image "
              "n reach only row n of the scores: which single number has, as its gradient with "
              "respect to image n, the gradient of image n's own target score?",
        "ca": "Crida backward() un sol cop per a tot el lot, no un cop per imatge. Els píxels de "
              "la imatge n només arriben a la fila n de les puntuacions: quin nombre té com a "
              "gradient respecte de la imatge n el gradient de la puntuació de la seva pròpia "
              "classe?",
    },
    "saliency": {
        "en": "Wrong map. Reread 'Saliency maps: asking the network' in chapter 12: which one "
              "score of image n is differentiated (a loss? all scores? another class?), with "
              "respect to what, and is the map signed or its size?",
        "ca": "El mapa no és correcte. Rellegeix «Mapes de rellevància: preguntar a la xarxa» al "
              "capítol 12: quina puntuació de la imatge n es deriva (una pèrdua? totes les "
              "puntuacions? una altra classe?), respecte de què, i el mapa és el gradient amb "
              "signe o el seu valor absolut?",
    },
    "unchanged": {
        "en": "Do not modify the image you are given: build the input tensor from it (a new "
              "array), and leave the model's weights as they are.",
        "ca": "No modifiquis la imatge que reps: construeix-ne el tensor d'entrada (un array "
              "nou), i deixa els pesos del model com estan.",
    },
}


# --- miss rates per group --------------------------------------------------------------------
def expected_rates(y_true, y_pred, groups, positive):
    """The grader's own answer, one example at a time: {group: (FNR or None, FPR or None)}."""
    out = {}
    for g in dict.fromkeys(groups):
        members = [i for i, h in enumerate(groups) if h == g]
        sick = [i for i in members if y_true[i] == positive]
        healthy = [i for i in members if y_true[i] != positive]
        fnr = sum(y_pred[i] != positive for i in sick) / len(sick) if sick else None
        fpr = sum(y_pred[i] == positive for i in healthy) / len(healthy) if healthy else None
        out[g] = (fnr, fpr)
    return out


def same(value, wanted):
    """Equal rates: both None, or two numbers within rounding."""
    if value is None or wanted is None:
        return value is wanted
    return isinstance(value, numbers.Real) and math.isclose(value, wanted, abs_tol=1e-9)


def plain(key):
    return key.item() if isinstance(key, np.generic) else key


def miss_cases():
    """(y_true, y_pred, groups, positive, the hint for a wrong rate); known answers first."""
    # A: one of two sick sent home, its one healthy patient called back; B: no mistakes.
    yield [1, 1, 0, 0, 1, 0], [0, 1, 1, 0, 1, 0], list("AAABBB"), 1, None
    # B has no sick patient and C no healthy one: their missing rates are None.
    yield [1, 0, 0, 0, 1, 1], [0, 0, 1, 0, 1, 0], ["A", "A", "B", "B", "C", "C"], 1, None
    yield ["sick", "healthy", "sick", "healthy"], ["healthy", "healthy", "sick", "sick"], \
        [0, 0, 1, 1], "sick", "positive"
    yield [1, 0, 1, 0], [1, 1, 0, 0], ["x", "x", "y", "y"], 0, "positive"    # 0 is the positive
    # Three labels, positive 2: true 0 predicted 1 is wrong but no false alarm.
    yield [2, 0, 1, 2, 0, 1], [0, 1, 2, 2, 0, 0], ["x", "x", "x", "y", "y", "y"], 2, "positive"
    rng = grading.random(1201)
    for _ in range(25):
        n = rng.randint(1, 40)
        names = rng.choice([["A", "B"], ["men", "women", "other"], [0, 1, 2, 3], [7, -1]])
        weights = [rng.random() + 0.05 for _ in names]               # skewed group sizes
        groups = rng.choices(names, weights, k=n)
        labels = rng.choice([[0, 1], [0, 1], [0, 1, 2], ["ill", "well"], [False, True]])
        positive = rng.choice(labels)
        y_true = [rng.choice(labels) for _ in range(n)]
        y_pred = [t if rng.random() < 0.7 else rng.choice(labels) for t in y_true]
        binary_one = labels == [0, 1] and positive == 1
        yield y_true, y_pred, groups, positive, None if binary_one else "positive"


@pytest.mark.exercise("ch12.miss_rates_by_group", points=2)
class TestMissRatesByGroup:
    def test_known_and_random_groups(self, submission, grade):
        for k, (y_true, y_pred, groups, positive, kind) in enumerate(miss_cases()):
            as_arrays = k % 2 == 1                                    # lists and arrays
            args = [np.array(a) for a in (y_true, y_pred, groups)] if as_arrays else \
                [list(a) for a in (y_true, y_pred, groups)]
            shown = ", ".join(f"np.array({a!r})" if as_arrays else repr(a)
                              for a in (y_true, y_pred, groups))
            shown += f", positive={positive!r}"
            grade.trying(f"miss_rates_by_group({shown})")
            got = submission.miss_rates_by_group(*args, positive=positive)
            expected = expected_rates(y_true, y_pred, groups, positive)
            keys = {plain(key) for key in got} if isinstance(got, dict) else None
            grade.check(keys == set(expected), hint=HINTS["groups"],
                        expected={"en": f"a dict with the keys {sorted(expected, key=str)}",
                                  "ca": f"un diccionari amb les claus "
                                        f"{sorted(expected, key=str)}"},
                        got={"en": repr(got), "ca": repr(got)})
            values = {plain(key): value for key, value in got.items()}
            for g, (fnr, fpr) in expected.items():
                grade.trying(f"miss_rates_by_group({shown})[{g!r}]")
                pair = values[g]
                grade.check(isinstance(pair, (tuple, list)) and len(pair) == 2,
                            expected=(fnr, fpr), got=pair, hint=HINTS["pair"])
                swapped = same(pair[1], fnr) and same(pair[0], fpr) and not same(fnr, fpr)
                grade.check(not swapped, expected=(fnr, fpr), got=pair, hint=HINTS["pair"])
                for name, value, wanted in (("false-negative", pair[0], fnr),
                                            ("false-positive", pair[1], fpr)):
                    hint = HINTS[kind or ("fnr" if name == "false-negative" else "fpr")]
                    if wanted is None or value is None:
                        grade.check(value is wanted, expected=wanted, got=value,
                                    hint=HINTS["none"] if wanted is None else hint)
                    else:
                        grade.close(value, wanted, hint=hint)


# --- saliency maps ---------------------------------------------------------------------------
def reference_saliency(model, image, target):
    x = minigrad.Tensor(np.array(image, dtype=np.float32)[None, None], requires_grad=True)
    model(x)[0, target].backward()
    return np.abs(x.grad[0, 0]).astype(np.float64)


def saliency_cases():
    minigrad.manual_seed(1210)
    rng = grading.rng(1211)
    for height, width in [(8, 8), (5, 7), (8, 8)]:
        linear = nn.Sequential(nn.Flatten(), nn.Linear(height * width, 4))
        yield linear, "nn.Sequential(nn.Flatten(), nn.Linear(H*W, 4))", (height, width), True
    for _ in range(3):
        mlp = nn.Sequential(nn.Flatten(), nn.Linear(64, 12), nn.Tanh(), nn.Linear(12, 10))
        yield mlp, ("nn.Sequential(nn.Flatten(), nn.Linear(64, 12), nn.Tanh(), "
                    "nn.Linear(12, 10))"), (8, 8), False
    for _ in range(3):
        cnn = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                            nn.Flatten(), nn.Linear(64, 10))
        for p in cnn.parameters():                 # nonzero biases: fewer dead ReLUs
            if p.ndim == 1:
                p.data[...] = rng.normal(0, 0.5, p.shape)
        yield cnn, ("nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), "
                    "nn.MaxPool2d(2), nn.Flatten(), nn.Linear(64, 10))"), (8, 8), False


class CountedBackward:
    """Counts the calls of ``Tensor.backward`` while the learner's function runs."""

    def __init__(self, monkeypatch):
        self.calls = 0
        original = minigrad.Tensor.backward

        def counted(tensor, *args, **kwargs):
            self.calls += 1
            return original(tensor, *args, **kwargs)

        monkeypatch.setattr(minigrad.Tensor, "backward", counted)


@pytest.mark.exercise("ch12.saliency_maps", points=3)
class TestSaliencyMaps:
    def test_random_models(self, submission, grade, monkeypatch):
        rng = grading.rng(1220)
        for model, code, (height, width), is_linear in saliency_cases():
            classes = model[-1].out_features
            for batch in (1, int(rng.integers(2, 7)), int(rng.integers(2, 7))):
                images = rng.uniform(0, 1, (batch, height, width)).astype(np.float32)
                targets = rng.integers(0, classes, batch)
                kept = images.copy()
                weights = {k: v.copy() for k, v in model.state_dict().items()}
                grade.trying(f"saliency_maps({code}, images of shape {images.shape}, "
                             f"targets={targets.tolist()})")
                with monkeypatch.context() as patch:
                    counter = CountedBackward(patch)
                    got = submission.saliency_maps(model, images, targets)
                for p in model.parameters():        # whatever the learner's code left there
                    p.grad = None
                array = None
                if isinstance(got, (np.ndarray, minigrad.Tensor)):
                    array = np.asarray(got.data if isinstance(got, minigrad.Tensor) else got,
                                       dtype=np.float64)
                shape = (batch, height, width)
                grade.check(array is not None and array.shape == shape, hint=HINTS["shape"],
                            expected={"en": f"a numpy array of shape {shape}",
                                      "ca": f"un array de numpy de forma {shape}"},
                            got={"en": f"{type(got).__name__} of shape "
                                       f"{getattr(got, 'shape', None)}",
                                 "ca": f"{type(got).__name__} de forma "
                                       f"{getattr(got, 'shape', None)}"})
                unchanged = np.array_equal(images, kept) and all(
                    np.array_equal(v, model.state_dict()[k]) for k, v in weights.items())
                grade.check(unchanged, hint=HINTS["unchanged"],
                            expected={"en": "the images and the model unchanged",
                                      "ca": "les imatges i el model sense canvis"},
                            got={"en": "something was modified", "ca": "s'ha modificat alguna "
                                                                       "cosa"})
                if is_linear:                   # known exactly: each target's absolute weights
                    expected = np.abs(model[1].weight.data[targets]).reshape(shape)
                else:
                    expected = np.stack([reference_saliency(model, image, int(target))
                                         for image, target in zip(images, targets)])
                close = np.allclose(array, expected, rtol=1e-4, atol=1e-6)
                grade.check(close, hint=HINTS["saliency"],
                            expected=np.round(expected, 4).tolist(),
                            got=np.round(array, 4).tolist())
                grade.check(counter.calls == 1, hint=HINTS["one_backward"],
                            expected={"en": "1 call of backward() for the batch",
                                      "ca": "1 crida a backward() per al lot"},
                            got={"en": f"{counter.calls} calls of backward()",
                                 "ca": f"{counter.calls} crides a backward()"})
