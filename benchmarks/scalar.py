"""scalar: one step of micrograd's demo — ``MLP(2, [16, 16, 1])`` on 100 two-moons points.

Full batch, max-margin (hinge) loss plus an L2 penalty, plain gradient descent:

    loss = mean_i relu(1 − y_i · score_i) + α Σ_p p²,   p ← p − lr · dloss/dp

Three implementations start from the same weights: minigrad's scalar ``Value`` engine
(``minigrad.scalar_nn.MLP``), micrograd (the reference, when installed) and the same step written
by hand in pure Python — forward pass, backward pass and update, no graph at all. The last one
is the floor a scalar autograd engine cannot beat: it is what the engine's bookkeeping costs.
"""

from __future__ import annotations

import random

from .harness import Candidate, Suite, Target, optional_import

SIZES = [2, 16, 16, 1]
ALPHA = 1e-4     # L2 penalty
LR = 0.05


def two_moons(n: int) -> tuple[list[list[float]], list[float]]:
    """``n`` two-moons points as Python lists, labels ±1 (as in micrograd's demo)."""
    from minigrad.data import make_moons
    X, y = make_moons(n, noise=0.1, seed=1)
    return X.astype(float).tolist(), [2.0 * t - 1.0 for t in y.tolist()]


def initial_weights(seed: int = 1337) -> list[list[list[float]]]:
    """Weights as ``[layer][neuron] = [w_1, ..., w_n, b]``, uniform in [−1, 1], biases 0."""
    rng = random.Random(seed)
    return [[[rng.uniform(-1.0, 1.0) for _ in range(n_in)] + [0.0] for _ in range(n_out)]
            for n_in, n_out in zip(SIZES, SIZES[1:])]


# --- minigrad --------------------------------------------------------------------------------
def minigrad_step(X: list, Y: list, weights: list) -> Candidate:
    from minigrad.scalar_nn import MLP
    model = MLP(SIZES[0], SIZES[1:])
    for layer, layer_w in zip(model.layers, weights):
        for neuron, row in zip(layer.neurons, layer_w):
            for p, value in zip(neuron.parameters(), row):
                p.data = value
    params = model.parameters()

    def step() -> float:
        scores = [model(x) for x in X]
        losses = [(1 - y * s).relu() for y, s in zip(Y, scores)]
        data_loss = sum(losses) * (1.0 / len(losses))
        reg_loss = ALPHA * sum(p * p for p in params)
        total = data_loss + reg_loss
        model.zero_grad()
        total.backward()
        for p in params:
            p.data -= LR * p.grad
        return total.data
    step.parameters = lambda: [p.data for p in params]
    return Candidate("minigrad", step)


# --- micrograd: its own demo, verbatim but for the fixed learning rate -------------------------
def micrograd_step(X: list, Y: list, weights: list, skipped: dict) -> Candidate | None:
    if optional_import("micrograd", skipped, "micrograd") is None:
        return None
    from micrograd.engine import Value
    from micrograd.nn import MLP
    model = MLP(SIZES[0], SIZES[1:])
    for layer, layer_w in zip(model.layers, weights):
        for neuron, row in zip(layer.neurons, layer_w):
            for p, value in zip(neuron.parameters(), row):
                p.data = value
    params = model.parameters()

    def step() -> float:
        inputs = [list(map(Value, x)) for x in X]
        scores = list(map(model, inputs))
        losses = [(1 + -y * s).relu() for y, s in zip(Y, scores)]
        data_loss = sum(losses) * (1.0 / len(losses))
        reg_loss = ALPHA * sum(p * p for p in params)
        total = data_loss + reg_loss
        model.zero_grad()
        total.backward()
        for p in params:
            p.data -= LR * p.grad
        return total.data
    step.parameters = lambda: [p.data for p in params]
    return Candidate("micrograd", step)


# --- the same step by hand, in pure Python ----------------------------------------------------
def pure_python_step(X: list, Y: list, weights: list) -> Candidate:
    W = [[row[:] for row in layer] for layer in weights]   # [layer][neuron] = [w..., b]
    last = len(W) - 1

    def step() -> float:
        n = len(X)
        grads = [[[0.0] * len(row) for row in layer] for layer in W]
        data_loss = 0.0
        for x, y in zip(X, Y):
            acts = [x]                                       # forward, keeping activations
            for k, layer in enumerate(W):
                a = acts[-1]
                z = [sum([w * ai for w, ai in zip(row, a)], row[-1]) for row in layer]
                acts.append(z if k == last else [v if v > 0.0 else 0.0 for v in z])
            margin = 1.0 - y * acts[-1][0]
            if margin <= 0.0:
                continue                                     # relu(margin) = 0: no gradient
            data_loss += margin
            g = [-y / n]                                     # d(mean hinge)/d(score)
            for k in range(last, -1, -1):                    # backward, layer by layer
                a, out, layer, grad = acts[k], acts[k + 1], W[k], grads[k]
                if k != last:
                    g = [gj if oj > 0.0 else 0.0 for gj, oj in zip(g, out)]
                for gj, grow in zip(g, grad):
                    if gj:
                        for i, ai in enumerate(a):
                            grow[i] += gj * ai
                        grow[-1] += gj
                if k:
                    g = [sum([row[i] * gj for row, gj in zip(layer, g)]) for i in range(len(a))]
        reg = 0.0
        for layer, grad in zip(W, grads):
            for row, grow in zip(layer, grad):
                for i, p in enumerate(row):
                    reg += p * p
                    row[i] = p - LR * (grow[i] + 2.0 * ALPHA * p)
        return data_loss / n + ALPHA * reg
    step.parameters = lambda: [p for layer in W for row in layer for p in row]
    return Candidate("pure Python", step)


def suite(n_points: int = 100) -> Suite:
    X, Y = two_moons(n_points)
    weights = initial_weights()
    skipped: dict = {}
    candidates = [minigrad_step(X, Y, weights), micrograd_step(X, Y, weights, skipped),
                  pure_python_step(X, Y, weights)]
    return Suite(
        "scalar", f"MLP(2, [16, 16, 1]), {n_points} two-moons points, hinge + L2, full batch",
        reference="micrograd" if "micrograd" not in skipped else "pure Python",
        candidates=[c for c in candidates if c is not None], skipped=skipped,
        targets=[Target("minigrad", "micrograd", 1 / 20, "scalar: minigrad ≤ 1/20 × micrograd"),
                 Target("minigrad", "pure Python", 12.0, "scalar: minigrad ≤ 12 × pure Python")])
