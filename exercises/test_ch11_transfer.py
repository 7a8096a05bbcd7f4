"""Graders for chapter 11 (exercises/ch11_transfer.py): a rate per layer, what labels are worth.

discriminative_param_groups is tried on random ``nn.Sequential`` models, nested or not, with
activations between the layers, some of whose parameters were frozen before (so they must be
thawed); then one step of ``optim.SGD`` on its groups must move every layer by its own rate and
leave the frozen layers bit for bit as they were, with no gradient. equivalent_labels is tried
on learning curves whose answers are known by hand (straight in log n, with ends, flat stretches
and dips), on the chapter's printed means, and on random curves. Inputs are drawn anew each run.
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
    "groups": {
        "en": "Return a list of dicts, one per layer that is not frozen, each with the keys "
              "'params' (a list of the layer's Parameter objects themselves) and 'lr' (a "
              "number).",
        "ca": "Retorna una llista de diccionaris, un per cada capa no congelada, cadascun amb "
              "les claus 'params' (una llista amb els objectes Parameter de la capa mateixos) i "
              "'lr' (un nombre).",
    },
    "layers": {
        "en": "The groups do not hold the right parameters. A layer is a module that holds "
              "parameters of its own, however deeply it is nested inside Sequentials; an "
              "activation or a container is not one. Each layer gets a group of its own, in the "
              "order of the forward pass, and a frozen layer gets none.",
        "ca": "Els grups no contenen els paràmetres correctes. Una capa és un mòdul que té "
              "paràmetres propis, per molt endins que sigui dins de Sequentials; una activació o "
              "un contenidor no ho són. Cada capa té el seu propi grup, en l'ordre de la passada "
              "endavant, i una capa congelada no en té cap.",
    },
    "lr": {
        "en": "The groups hold the right parameters but some learning rates are wrong. Which "
              "layer learns at base_lr, and how many factors of decay separate another layer "
              "from it? Only layers count, not activations.",
        "ca": "Els grups contenen els paràmetres correctes, però algunes taxes d'aprenentatge "
              "no ho són. Quina capa aprèn amb base_lr, i quants factors de decay separen una "
              "altra capa d'aquesta? Només compten les capes, no les activacions.",
    },
    "step": {
        "en": "After one SGD step on your groups, every layer must have moved by its own rate "
              "times its gradient, and the frozen layers must be unchanged with grad None: "
              "leaving a layer out of the groups is not enough, backward() still fills its grad "
              "unless its parameters have requires_grad = False.",
        "ca": "Després d'un pas de SGD amb els teus grups, cada capa s'ha d'haver mogut la seva "
              "pròpia taxa multiplicada pel seu gradient, i les capes congelades han de quedar "
              "igual i amb grad None: deixar una capa fora dels grups no n'hi ha prou, "
              "backward() n'omple igualment el grad si els seus paràmetres no tenen "
              "requires_grad = False.",
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


# --- discriminative_param_groups -----------------------------------------------------------
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


def linear_layers(model: nn.Module) -> list[nn.Linear]:
    """The grader's own list of layers: every model here has parameters only in its Linears."""
    return [m for m in model.modules() if isinstance(m, nn.Linear)]


def group_cases():
    rng = grading.random(1101)
    minigrad.manual_seed(1101)
    for _ in range(25):
        model, code = random_model(rng)
        n_frozen = rng.randint(0, len(linear_layers(model)))
        base_lr, decay = rng.choice([0.1, 0.01, 0.5]), rng.choice([0.5, 0.3, 0.9, 1.0])
        # Some parameters start frozen, as after an earlier freeze: they may need thawing.
        thawed = rng.random() < 0.5
        for p in model.parameters():
            p.requires_grad = not thawed or rng.random() < 0.5
        setup = code if not thawed else code + " with some parameters frozen before"
        yield model, base_lr, decay, n_frozen, setup


def expected_groups(model, base_lr, decay, n_frozen):
    layers = linear_layers(model)
    return [(list(layer.parameters()), base_lr * decay ** (len(layers) - l))
            for l, layer in enumerate(layers, start=1) if l > n_frozen]


def described(groups):
    """Groups as the learner can read them: parameter shapes and rates."""
    return [{"params": [p.shape for p in params], "lr": lr} for params, lr in groups]


def read_groups(got):
    """[(params, lr)] from a list of {"params", "lr"} dicts, or None if it is not one."""
    try:
        return [(list(g["params"]), float(g["lr"])) for g in got] if isinstance(got, list) else None
    except (TypeError, KeyError, ValueError):
        return None


@pytest.mark.exercise("ch11.discriminative_param_groups", points=2)
class TestDiscriminativeParamGroups:
    def test_flags_groups_and_rates(self, submission, grade):
        for model, base_lr, decay, n_frozen, setup in group_cases():
            layers = linear_layers(model)
            call = f"discriminative_param_groups(model, {base_lr}, {decay}, n_frozen={n_frozen})"
            grade.trying(f"model = {setup}; {call}")
            got = submission.discriminative_param_groups(model, base_lr, decay, n_frozen)
            flags = [p.requires_grad for layer in layers for p in layer.parameters()]
            wanted = [l > n_frozen for l, layer in enumerate(layers, start=1)
                      for _ in layer.parameters()]
            grade.check(flags == wanted,
                        expected={"en": f"requires_grad of model.parameters(): {wanted}",
                                  "ca": f"requires_grad de model.parameters(): {wanted}"},
                        got={"en": f"requires_grad of model.parameters(): {flags}",
                             "ca": f"requires_grad de model.parameters(): {flags}"},
                        hint=HINTS["flags"])
            expected = expected_groups(model, base_lr, decay, n_frozen)
            groups = read_groups(got)
            grade.check(groups is not None, expected=described(expected), got=got,
                        hint=HINTS["groups"])
            same = len(groups) == len(expected) and all(
                len(g) == len(e) and all(a is b for a, b in zip(g, e))
                for (g, _), (e, _) in zip(groups, expected))
            grade.check(same, expected=described(expected), got=described(groups),
                        hint=HINTS["layers"])
            for k, ((_, lr), (_, want)) in enumerate(zip(groups, expected)):
                grade.trying(f"model = {setup}; {call}[{k}]['lr']")
                grade.close(lr, want, rel=1e-9, hint=HINTS["lr"])

    def test_one_sgd_step_moves_each_layer_at_its_rate(self, submission, grade):
        minigrad.manual_seed(1102)
        features = nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), nn.ReLU(),
                                 nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                 nn.Conv2d(4, 4, 3, padding=1), nn.ReLU(), nn.Flatten())
        model = nn.Sequential(features, nn.Linear(16, 3))
        layers = [features[0], features[2], features[5], model[1]]
        grade.trying("model = nn.Sequential(nn.Sequential(nn.Conv2d(1, 3, 3, padding=1), "
                     "nn.ReLU(), nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), "
                     "nn.Conv2d(4, 4, 3, padding=1), nn.ReLU(), nn.Flatten()), nn.Linear(16, 3)); "
                     "groups = discriminative_param_groups(model, 0.1, 0.5, n_frozen=1); "
                     "optim.SGD(groups, lr=0.1); one training step")
        groups = submission.discriminative_param_groups(model, 0.1, 0.5, 1)
        before = [[p.data.copy() for p in layer.parameters()] for layer in layers]
        x = minigrad.Tensor(np.random.default_rng(0).normal(size=(6, 1, 4, 4)))
        loss = nn.CrossEntropyLoss()(model(x), np.arange(6) % 3)
        optimizer = minigrad.optim.SGD(groups, lr=0.1)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        # The rate each layer moved at: the least-squares r of before - after = r · grad, in
        # float64 (the parameters are float32), and whether that one r explains every entry.
        wanted = ["unchanged, grad None", 0.025, 0.05, 0.1]
        moved = []
        for layer, old in zip(layers, before):
            params = list(layer.parameters())
            if all(p.grad is None and np.array_equal(p.data, o) for p, o in zip(params, old)):
                moved.append("unchanged, grad None")
                continue
            if all(np.array_equal(p.data, o) for p, o in zip(params, old)):
                moved.append("unchanged, with a grad")
                continue
            step = np.concatenate([(o.astype(np.float64) - p.data).ravel()
                                   for p, o in zip(params, old)])
            grad = np.concatenate([np.zeros(p.data.size) if p.grad is None
                                   else np.asarray(p.grad.data, dtype=np.float64).ravel()
                                   for p in params])
            rate = float(step @ grad / (grad @ grad)) if grad.any() else 0.0
            one_rate = np.abs(step - rate * grad).max() < 1e-6
            moved.append(round(rate, 6) if one_rate else "no single rate")
        ok = moved[0] == wanted[0] and all(
            isinstance(m, float) and abs(m - w) < 1e-4 * w for m, w in zip(moved[1:], wanted[1:]))
        grade.check(ok, hint=HINTS["step"],
                    expected={"en": f"the four layers moved at: {wanted}",
                              "ca": f"les quatre capes s'han mogut amb: {wanted}"},
                    got={"en": f"the four layers moved at: {moved}",
                         "ca": f"les quatre capes s'han mogut amb: {moved}"})


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
