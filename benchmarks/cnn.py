"""cnn: one SGD step of a small convolutional network, batch 64, float32, 28×28 inputs.

    conv(1→8, 3×3, pad 1) → ReLU → maxpool 2 → conv(8→16, 3×3, pad 1) → ReLU → maxpool 2
    → flatten → linear(784→10) → cross-entropy

Three candidates from the same weights and the same batch: minigrad, PyTorch on the CPU (the
reference) and the step written by hand in numpy with im2col — the textbook way: pad, copy
every window into a row of a matrix, one matrix product per convolution, and the backward
pass adding each window's gradient back where it was read.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from .harness import Candidate, Suite, Target, optional_import, training_step

LR = 0.01


def shapes(width: int = 1) -> dict:
    """The parameters' shapes, named as in PyTorch; ``width`` multiplies both convolutions' channels."""
    c1, c2 = 8 * width, 16 * width
    return {"0.weight": (c1, 1, 3, 3), "0.bias": (c1,), "3.weight": (c2, c1, 3, 3), "3.bias": (c2,),
            "7.weight": (10, c2 * 49), "7.bias": (10,)}


def problem(batch: int = 64, seed: int = 0, width: int = 1) -> tuple[np.ndarray, np.ndarray, dict]:
    """A batch of 28×28 images in [0, 1), labels, and He-initialised weights named as in PyTorch."""
    rng = np.random.default_rng(seed)
    X = rng.random((batch, 1, 28, 28), dtype=np.float32)
    y = rng.integers(0, 10, batch)
    weights = {}
    for name, shape in shapes(width).items():
        fan_in = int(np.prod(shape[1:])) if len(shape) > 1 else 1
        weights[name] = (rng.normal(0, np.sqrt(2 / fan_in), shape).astype(np.float32)
                         if name.endswith("weight") else np.zeros(shape, np.float32))
    return X, y, weights


def layers(nn: Any, weights: dict) -> Any:
    """The network, in minigrad's or PyTorch's ``nn`` (the same names), sized by ``weights``."""
    c1, c2 = weights["0.bias"].shape[0], weights["3.bias"].shape[0]
    return nn.Sequential(nn.Conv2d(1, c1, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(c1, c2, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Flatten(), nn.Linear(c2 * 49, 10))


def minigrad_step(X: np.ndarray, y: np.ndarray, weights: dict) -> Candidate:
    from minigrad import Tensor, nn, optim
    model = layers(nn, weights)
    model.load_state_dict(weights)
    loss_fn = nn.CrossEntropyLoss()
    optimizer = optim.SGD(model.parameters(), lr=LR)
    return training_step("minigrad", model, loss_fn, optimizer, Tensor(X), y, lambda p: p.data)


def torch_step(X: np.ndarray, y: np.ndarray, weights: dict, skipped: dict) -> Candidate | None:
    torch = optional_import("torch", skipped, "PyTorch")
    if torch is None:
        return None
    nn = torch.nn
    model = layers(nn, weights)
    model.load_state_dict({k: torch.from_numpy(v) for k, v in weights.items()})
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=LR)
    return training_step("PyTorch", model, loss_fn, optimizer, torch.from_numpy(X),
                         torch.from_numpy(y), lambda p: p.detach().numpy())


# --- by hand, with im2col ----------------------------------------------------------------------
def conv_forward(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> tuple:
    """3×3 convolution, padding 1: returns the output and the im2col matrix the backward needs."""
    n, c, h, wd = x.shape
    o = w.shape[0]
    xp = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))
    cols = sliding_window_view(xp, (3, 3), axis=(2, 3))          # (N, C, H, W, 3, 3) view
    cols = cols.transpose(0, 2, 3, 1, 4, 5).reshape(n * h * wd, c * 9)
    out = cols @ w.reshape(o, -1).T + b                          # (N·H·W, O)
    return out.reshape(n, h, wd, o).transpose(0, 3, 1, 2), cols


def conv_backward(g: np.ndarray, cols: np.ndarray, w: np.ndarray, need_x: bool) -> tuple:
    n, o, h, wd = g.shape
    c = w.shape[1]
    g2 = g.transpose(0, 2, 3, 1).reshape(-1, o)
    gw, gb = (g2.T @ cols).reshape(w.shape), g2.sum(axis=0)
    if not need_x:
        return None, gw, gb
    gcols = (g2 @ w.reshape(o, -1)).reshape(n, h, wd, c, 3, 3)
    gxp = np.zeros((n, c, h + 2, wd + 2), np.float32)
    for p in range(3):
        for q in range(3):
            gxp[:, :, p:p + h, q:q + wd] += gcols[:, :, :, :, p, q].transpose(0, 3, 1, 2)
    return gxp[:, :, 1:-1, 1:-1], gw, gb


def pool_forward(x: np.ndarray) -> np.ndarray:
    """2×2 max pooling: the largest of the four strided slices."""
    return np.maximum(np.maximum(x[:, :, ::2, ::2], x[:, :, ::2, 1::2]),
                      np.maximum(x[:, :, 1::2, ::2], x[:, :, 1::2, 1::2]))


def pool_backward(g: np.ndarray, x: np.ndarray, out: np.ndarray) -> np.ndarray:
    """Each window's gradient goes to its (first) maximum."""
    gx = np.zeros_like(x)
    taken = np.zeros(out.shape, bool)
    for p in range(2):
        for q in range(2):
            first = (x[:, :, p::2, q::2] == out) & ~taken
            taken |= first
            gx[:, :, p::2, q::2] = g * first
    return gx


def numpy_step(X: np.ndarray, y: np.ndarray, weights: dict) -> Candidate:
    w1, b1, w2, b2, w3, b3 = (weights[k].copy() for k in shapes())
    rows = np.arange(len(X))

    def step() -> float:
        h1, cols1 = conv_forward(X, w1, b1)                         # forward
        a1 = np.maximum(h1, 0)
        p1 = pool_forward(a1)
        h2, cols2 = conv_forward(p1, w2, b2)
        a2 = np.maximum(h2, 0)
        p2 = pool_forward(a2)
        flat = p2.reshape(len(X), -1)
        logits = flat @ w3.T + b3
        shifted = logits - logits.max(axis=1, keepdims=True)
        e = np.exp(shifted)
        total = e.sum(axis=1, keepdims=True)
        loss = np.mean(np.log(total[:, 0]) - shifted[rows, y])
        g = e / total                                               # backward
        g[rows, y] -= 1
        g /= len(X)
        gw3, gb3 = g.T @ flat, g.sum(axis=0)
        g = (g @ w3).reshape(p2.shape)
        g = pool_backward(g, a2, p2) * (h2 > 0)
        g, gw2, gb2 = conv_backward(g, cols2, w2, need_x=True)
        g = pool_backward(g, a1, p1) * (h1 > 0)
        _, gw1, gb1 = conv_backward(g, cols1, w1, need_x=False)
        for p, gp in ((w1, gw1), (b1, gb1), (w2, gw2), (b2, gb2), (w3, gw3), (b3, gb3)):
            p -= LR * gp                                            # SGD
        return float(loss)
    step.parameters = lambda: [w1, b1, w2, b2, w3, b3]
    return Candidate("hand numpy im2col", step)


def suite(batch: int = 64, width: int = 1) -> Suite:
    X, y, weights = problem(batch, width=width)
    skipped: dict = {}
    candidates = [minigrad_step(X, y, weights), torch_step(X, y, weights, skipped),
                  numpy_step(X, y, weights)]
    return Suite(
        "cnn", f"conv8-pool-conv16-pool-linear on 28×28, cross-entropy, SGD, batch {batch}, float32",
        reference="PyTorch" if "PyTorch" not in skipped else "hand numpy im2col",
        candidates=[c for c in candidates if c is not None], skipped=skipped,
        targets=[Target("minigrad", "PyTorch", 0.85, "cnn: minigrad ≤ 0.85 × PyTorch")])
