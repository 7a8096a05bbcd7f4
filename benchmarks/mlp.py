"""mlp: one SGD step of a 784-256-128-10 ReLU network, cross-entropy, batch 128, float32.

Four candidates from the same weights and the same batch: minigrad (``nn.MLP``,
``CrossEntropyLoss``, ``optim.SGD``), PyTorch on the CPU, the step written by hand in numpy
(forward, backward and update without autograd — the reference), and the step's eight matrix
products alone (three forward, five backward), the floor that no numpy code can go below.
"""

from __future__ import annotations

import numpy as np

from .harness import Candidate, Suite, Target, optional_import, training_step

SIZES = [784, 256, 128, 10]
LR = 0.01


def problem(batch: int = 128, seed: int = 0) -> tuple[np.ndarray, np.ndarray, dict]:
    """A batch of inputs in [0, 1), labels, and He-initialised weights named as in PyTorch."""
    rng = np.random.default_rng(seed)
    X = rng.random((batch, SIZES[0]), dtype=np.float32)
    y = rng.integers(0, SIZES[-1], batch)
    weights = {}
    for k, (n_in, n_out) in enumerate(zip(SIZES, SIZES[1:])):
        weights[f"{2 * k}.weight"] = rng.normal(0, np.sqrt(2 / n_in), (n_out, n_in)).astype(np.float32)
        weights[f"{2 * k}.bias"] = np.zeros(n_out, np.float32)
    return X, y, weights


def minigrad_step(X: np.ndarray, y: np.ndarray, weights: dict) -> Candidate:
    from minigrad import Tensor, nn, optim
    model = nn.MLP(SIZES)
    model.load_state_dict(weights)
    loss_fn = nn.CrossEntropyLoss()
    optimizer = optim.SGD(model.parameters(), lr=LR)
    return training_step("minigrad", model, loss_fn, optimizer, Tensor(X), y, lambda p: p.data)


def torch_step(X: np.ndarray, y: np.ndarray, weights: dict, skipped: dict) -> Candidate | None:
    torch = optional_import("torch", skipped, "PyTorch")
    if torch is None:
        return None
    layers = []
    for n_in, n_out in zip(SIZES, SIZES[1:]):
        layers += [torch.nn.Linear(n_in, n_out), torch.nn.ReLU()]
    model = torch.nn.Sequential(*layers[:-1])
    model.load_state_dict({k: torch.from_numpy(v) for k, v in weights.items()})
    loss_fn = torch.nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=LR)
    return training_step("PyTorch", model, loss_fn, optimizer, torch.from_numpy(X),
                         torch.from_numpy(y), lambda p: p.detach().numpy())


def numpy_step(X: np.ndarray, y: np.ndarray, weights: dict) -> Candidate:
    """The step by hand: what autograd computes for us, written out once."""
    W1, b1, W2, b2, W3, b3 = (weights[k].copy() for k in sorted(weights, key=_layer_order))
    rows = np.arange(len(X))

    def step() -> float:
        h1 = X @ W1.T + b1                     # forward
        a1 = np.maximum(h1, 0)
        h2 = a1 @ W2.T + b2
        a2 = np.maximum(h2, 0)
        logits = a2 @ W3.T + b3
        shifted = logits - logits.max(axis=1, keepdims=True)
        e = np.exp(shifted)
        total = e.sum(axis=1, keepdims=True)
        loss = np.mean(np.log(total[:, 0]) - shifted[rows, y])
        g = e / total                          # d(mean cross-entropy)/d(logits)
        g[rows, y] -= 1
        g /= len(X)
        gW3, gb3 = g.T @ a2, g.sum(axis=0)     # backward
        g = (g @ W3) * (h2 > 0)
        gW2, gb2 = g.T @ a1, g.sum(axis=0)
        g = (g @ W2) * (h1 > 0)
        gW1, gb1 = g.T @ X, g.sum(axis=0)
        for p, gp in ((W1, gW1), (b1, gb1), (W2, gW2), (b2, gb2), (W3, gW3), (b3, gb3)):
            p -= LR * gp                       # SGD
        return float(loss)
    step.parameters = lambda: [W1, b1, W2, b2, W3, b3]
    return Candidate("hand numpy", step)


def matmuls_step(X: np.ndarray, weights: dict) -> Candidate:
    """Only the step's eight matrix products, on arrays of the right shapes."""
    W1, W2, W3 = (weights[f"{k}.weight"] for k in (0, 2, 4))
    rng = np.random.default_rng(1)
    a1, a2 = (rng.random((len(X), n), dtype=np.float32) for n in SIZES[1:3])
    g3, g2, g1 = (rng.random((len(X), n), dtype=np.float32) for n in SIZES[:0:-1])

    def step() -> float:
        X @ W1.T, a1 @ W2.T, a2 @ W3.T                                # forward
        g3.T @ a2, g3 @ W3, g2.T @ a1, g2 @ W2, g1.T @ X              # backward
        return 0.0
    return Candidate("matmuls alone", step)


def _layer_order(name: str) -> tuple:
    index, kind = name.split(".")
    return int(index), kind != "weight"


def suite(batch: int = 128) -> Suite:
    X, y, weights = problem(batch)
    skipped: dict = {}
    candidates = [minigrad_step(X, y, weights), torch_step(X, y, weights, skipped),
                  numpy_step(X, y, weights), matmuls_step(X, weights)]
    return Suite(
        "mlp", f"784-256-128-10 ReLU, cross-entropy, SGD, batch {batch}, float32",
        reference="hand numpy", candidates=[c for c in candidates if c is not None],
        skipped=skipped,
        targets=[Target("minigrad", "hand numpy", 1.15, "mlp: minigrad ≤ 1.15 × hand numpy"),
                 Target("minigrad", "PyTorch", 1.0, "mlp: minigrad faster than PyTorch")])
