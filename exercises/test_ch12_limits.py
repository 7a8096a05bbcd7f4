"""Graders for chapter 12 (exercises/ch12_limits.py): error rates per group, saliency maps.

Error rates are checked on random labels and groups (strings and numbers, lists and arrays,
groups of one example). Saliency maps are checked on random minigrad models and batches: for a
linear model the answer is known exactly (the absolute weights of each image's target class);
for networks with hidden layers the grader computes each image's input gradient itself, one
image at a time, and compares. The grader counts the calls of ``Tensor.backward``: one per
batch. Inputs are drawn anew each run.
"""

from __future__ import annotations


import numpy as np
import pytest

import grading
import minigrad
from minigrad import nn

HINTS = {
    "groups": {
        "en": "Return a dictionary with exactly one key per group that occurs in `groups` "
              "(np.unique(groups) lists them), and a float for each.",
        "ca": "Retorna un diccionari amb exactament una clau per cada grup que apareix a "
              "`groups` (np.unique(groups) els llista), i un float per a cadascun.",
    },
    "rate": {
        "en": "Wrong error rate. Among the examples of ONE group, what fraction is wrong? Check "
              "what you count (wrong or right predictions) and what you divide by (that group's "
              "size, or all the examples?).",
        "ca": "La taxa d'error no és correcta. Entre els exemples d'UN grup, quina fracció és "
              "errònia? Comprova què comptes (prediccions errònies o correctes) i per què "
              "divideixes (per la mida d'aquest grup, o per tots els exemples?).",
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
              "puntuacions? una altra classe?), respecte de què, i el mapa té signe o n'és la "
              "mida?",
    },
    "unchanged": {
        "en": "Do not modify the image you are given: build the input tensor from it (a new "
              "array), and leave the model's weights as they are.",
        "ca": "No modifiquis la imatge que reps: construeix-ne el tensor d'entrada (un array "
              "nou), i deixa els pesos del model com estan.",
    },
}


# --- error rates per group -------------------------------------------------------------------
def expected_rates(y_true, y_pred, groups):
    out = {}
    for g in dict.fromkeys(groups):
        members = [i for i, h in enumerate(groups) if h == g]
        out[g] = sum(y_true[i] != y_pred[i] for i in members) / len(members)
    return out


def plain(key):
    return key.item() if isinstance(key, np.generic) else key


def group_cases():
    yield [1, 0, 1, 1], [1, 1, 1, 0], ["A", "A", "B", "B"]
    yield [0, 0, 0], [0, 0, 0], ["x", "y", "x"]                       # no errors at all
    yield [3, 1, 2, 2, 0], [3, 2, 2, 1, 1], [1, 2, 2, 2, 3]           # groups of one
    rng = grading.random(1201)
    for _ in range(25):
        n = rng.randint(1, 40)
        names = rng.choice([["A", "B"], ["men", "women", "other"], [0, 1, 2, 3], [7, -1]])
        weights = [rng.random() + 0.05 for _ in names]               # skewed group sizes
        groups = rng.choices(names, weights, k=n)
        y_true = [rng.randint(0, 2) for _ in range(n)]
        y_pred = [t if rng.random() < 0.7 else 1 - t for t in y_true]
        yield y_true, y_pred, groups


@pytest.mark.exercise("ch12.error_rates_by_group", points=2)
class TestErrorRatesByGroup:
    def test_random_groups(self, submission, grade):
        for k, (y_true, y_pred, groups) in enumerate(group_cases()):
            as_arrays = k % 2 == 1                                    # lists and arrays
            args = [np.array(a) for a in (y_true, y_pred, groups)] if as_arrays else \
                [list(a) for a in (y_true, y_pred, groups)]
            shown = ", ".join(f"np.array({a!r})" if as_arrays else repr(a)
                              for a in (y_true, y_pred, groups))
            grade.trying(f"error_rates_by_group({shown})")
            got = submission.error_rates_by_group(*args)
            expected = expected_rates(y_true, y_pred, groups)
            keys = {plain(key) for key in got} if isinstance(got, dict) else None
            grade.check(keys == set(expected), hint=HINTS["groups"],
                        expected={"en": f"a dict with the keys {sorted(expected, key=str)}",
                                  "ca": f"un diccionari amb les claus "
                                        f"{sorted(expected, key=str)}"},
                        got={"en": repr(got), "ca": repr(got)})
            values = {plain(key): value for key, value in got.items()}
            for g, rate in expected.items():
                grade.trying(f"error_rates_by_group({shown})[{g!r}]")
                value = values[g]
                grade.close(float(value) if isinstance(value, np.floating) else value, rate,
                            hint=HINTS["rate"])


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
