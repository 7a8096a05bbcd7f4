"""Neural-network functions on tensors (``import minigrad.functional as F``).

Layers, pooling and losses written as single graph nodes with a hand-derived
backward: fewer nodes and fewer temporaries than composing them from the
element-wise operations, and numerically stable where it matters.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.lib.stride_tricks import as_strided

from .randomness import generator
from .tensor import Tensor, _node, matmul

__all__ = [
    "linear", "conv2d", "max_pool2d", "avg_pool2d", "dropout", "relu", "sigmoid", "tanh",
    "softmax", "log_softmax", "one_hot", "mse_loss", "binary_cross_entropy",
    "binary_cross_entropy_with_logits", "cross_entropy",
]


# --- activations: the Tensor methods, as functions ------------------------------
def relu(x: Tensor) -> Tensor:
    return x.relu()


def sigmoid(x: Tensor) -> Tensor:
    return x.sigmoid()


def tanh(x: Tensor) -> Tensor:
    return x.tanh()


def softmax(x: Tensor, axis: int = -1) -> Tensor:
    return x.softmax(axis)


def log_softmax(x: Tensor, axis: int = -1) -> Tensor:
    return x.log_softmax(axis)


# --- layers ------------------------------------------------------------------------
def linear(x: Tensor, weight: Tensor, bias: Tensor | None = None) -> Tensor:
    """y = x Wᵀ + b.  x: (..., in), weight: (out, in) as in PyTorch, bias: (out,) → (..., out)."""
    if x.shape[-1] != weight.shape[-1]:
        raise ValueError(f"linear: input has {x.shape[-1]} features (shape {x.shape}) but the "
                         f"weight expects {weight.shape[-1]} (weight shape {weight.shape})")
    if x.ndim != 2 or weight.ndim != 2:  # the general case, through matmul's broadcasting
        out = matmul(x, weight.T)
        return out if bias is None else out + bias
    xd, wd = x.data, weight.data
    out = xd @ wd.T
    if bias is not None:
        out += bias.data

    def backward(g: np.ndarray) -> tuple:  # one node: dL/dx = g W, dL/dW = gᵀ x, dL/db = Σₙ g
        return (g @ wd if x.requires_grad else None,
                g.T @ xd if weight.requires_grad else None,
                g.sum(axis=0) if bias is not None and bias.requires_grad else None)
    return _node(out, (x, weight) if bias is None else (x, weight, bias), backward, "linear")


def _pair(v: int | tuple[int, int]) -> tuple[int, int]:
    return (v, v) if isinstance(v, int) else tuple(v)


def _windows(x: np.ndarray, kh: int, kw: int, sh: int, sw: int) -> np.ndarray:
    """A (N, C, Ho, Wo, kh, kw) view of every kh×kw window of x, stride (sh, sw). No copy."""
    n, c, h, w = x.shape
    ho, wo = (h - kh) // sh + 1, (w - kw) // sw + 1
    s = x.strides
    return as_strided(x, (n, c, ho, wo, kh, kw), (s[0], s[1], s[2] * sh, s[3] * sw, s[2], s[3]),
                      writeable=False)


def conv2d(x: Tensor, weight: Tensor, bias: Tensor | None = None, stride: int = 1,
           padding: int = 0) -> Tensor:
    """2-D convolution (cross-correlation, as in every deep learning library).

    out[n, o, i, j] = b[o] + Σ_{c, p, q} w[o, c, p, q] · x[n, c, i·s + p, j·s + q]

    x: (N, C, H, W), weight: (O, C, kH, kW), bias: (O,) → (N, O, Ho, Wo) with
    Ho = (H + 2·padding − kH) // stride + 1. Implemented as im2col: every
    window becomes a row of a matrix, and one matrix product does all the work.
    """
    if x.ndim != 4 or weight.ndim != 4:
        raise ValueError(f"conv2d: expected input (N, C, H, W) and weight (O, C, kH, kW), "
                         f"got {x.shape} and {weight.shape}")
    n, c, h, w = x.shape
    o, wc, kh, kw = weight.shape
    if c != wc:
        raise ValueError(f"conv2d: input has {c} channels (shape {x.shape}) but the weight "
                         f"expects {wc} (shape {weight.shape})")
    (sh, sw), (ph, pw) = _pair(stride), _pair(padding)
    if h + 2 * ph < kh or w + 2 * pw < kw:
        raise ValueError(f"conv2d: kernel {kh}×{kw} is larger than the padded input "
                         f"{h + 2 * ph}×{w + 2 * pw}")
    xp = np.pad(x.data, ((0, 0), (0, 0), (ph, ph), (pw, pw))) if ph or pw else x.data
    win = _windows(xp, kh, kw, sh, sw)
    ho, wo = win.shape[2], win.shape[3]
    cols = win.transpose(0, 2, 3, 1, 4, 5).reshape(n * ho * wo, c * kh * kw)   # im2col (copies)
    wmat = weight.data.reshape(o, -1)
    out = cols @ wmat.T                                                          # (N·Ho·Wo, O)
    if bias is not None:
        out += bias.data
    out = out.reshape(n, ho, wo, o).transpose(0, 3, 1, 2)

    def backward(g: np.ndarray) -> tuple:
        g2 = g.transpose(0, 2, 3, 1).reshape(-1, o)                              # (N·Ho·Wo, O)
        gw = (g2.T @ cols).reshape(weight.shape) if weight.requires_grad else None
        gb = g2.sum(axis=0) if bias is not None and bias.requires_grad else None
        gx = None
        if x.requires_grad:
            # col2im: each window's gradient is added back where the window was read.
            gcols = (g2 @ wmat).reshape(n, ho, wo, c, kh, kw).transpose(0, 3, 1, 2, 4, 5)
            gxp = np.zeros(xp.shape, dtype=xp.dtype)
            for p in range(kh):
                for q in range(kw):
                    gxp[:, :, p:p + sh * ho:sh, q:q + sw * wo:sw] += gcols[..., p, q]
            gx = gxp[:, :, ph:ph + h, pw:pw + w]
        return (gx, gw) if bias is None else (gx, gw, gb)
    parents = (x, weight) if bias is None else (x, weight, bias)
    return _node(np.ascontiguousarray(out), parents, backward, "conv2d")


def _pool_geometry(x: Tensor, kernel_size: Any, stride: Any, name: str) -> tuple:
    if x.ndim != 4:
        raise ValueError(f"{name}: expected input (N, C, H, W), got {x.shape}")
    (kh, kw) = _pair(kernel_size)
    (sh, sw) = _pair(stride if stride is not None else kernel_size)
    h, w = x.shape[2:]
    if kh > h or kw > w:
        raise ValueError(f"{name}: kernel {kh}×{kw} is larger than the input {h}×{w}")
    return kh, kw, sh, sw, (h - kh) // sh + 1, (w - kw) // sw + 1


def max_pool2d(x: Tensor, kernel_size: int | tuple = 2, stride: int | tuple | None = None) -> Tensor:
    """Largest value of each kernel window (stride defaults to the kernel size).

    The gradient goes to the first maximum of each window (row-major order).
    """
    kh, kw, sh, sw, ho, wo = _pool_geometry(x, kernel_size, stride, "max_pool2d")
    data = x.data

    def tap(a: np.ndarray, p: int, q: int) -> np.ndarray:  # entry (p, q) of every window
        return a[:, :, p:p + sh * ho:sh, q:q + sw * wo:sw]
    # One np.maximum per kernel position beats a reduction over a window axis by far.
    out = tap(data, 0, 0).copy()
    for p in range(kh):
        for q in range(kw):
            np.maximum(out, tap(data, p, q), out=out)

    def backward(g: np.ndarray) -> tuple:
        gx = np.zeros(data.shape, dtype=data.dtype)
        taken = np.zeros(out.shape, dtype=bool)
        for p in range(kh):
            for q in range(kw):
                first = (tap(data, p, q) == out) & ~taken
                taken |= first
                tap(gx, p, q)[...] += g * first
        return (gx,)
    return _node(out, (x,), backward, "max_pool2d")


def avg_pool2d(x: Tensor, kernel_size: int | tuple = 2, stride: int | tuple | None = None) -> Tensor:
    """Mean of each kernel window (stride defaults to the kernel size)."""
    kh, kw, sh, sw, ho, wo = _pool_geometry(x, kernel_size, stride, "avg_pool2d")
    data = x.data
    out = _windows(data, kh, kw, sh, sw).mean(axis=(4, 5))

    def backward(g: np.ndarray) -> tuple:
        gx = np.zeros(data.shape, dtype=data.dtype)
        share = g / (kh * kw)
        for p in range(kh):
            for q in range(kw):
                gx[:, :, p:p + sh * ho:sh, q:q + sw * wo:sw] += share
        return (gx,)
    return _node(out.astype(data.dtype, copy=False), (x,), backward, "avg_pool2d")


def dropout(x: Tensor, p: float = 0.5, training: bool = True) -> Tensor:
    """Inverted dropout: zero each entry with probability p, scale the rest by 1/(1-p).

    The expected value is unchanged, so at evaluation (``training=False``) the
    input is returned as it is.
    """
    if not 0.0 <= p < 1.0:
        raise ValueError(f"dropout: p must be in [0, 1), got {p}")
    if not training or p == 0.0:
        return x
    mask = (generator().random(x.shape) >= p).astype(x.dtype) / (1.0 - p)
    return _node(x.data * mask, (x,), lambda g: (g * mask,), "dropout")


def one_hot(labels: Any, num_classes: int) -> Tensor:
    """(N,) integer labels → (N, num_classes) float32 rows with a single 1."""
    labels = np.asarray(labels.data if isinstance(labels, Tensor) else labels)
    _check_classes(labels, num_classes, "one_hot")
    out = np.zeros(labels.shape + (num_classes,), dtype=np.float32)
    np.put_along_axis(out, labels[..., None], 1.0, axis=-1)
    return Tensor(out)


# --- losses ---------------------------------------------------------------------------
def _reduce(loss: np.ndarray, grad: np.ndarray, reduction: str, name: str) -> tuple:
    """Apply ``reduction`` to per-entry losses and scale their gradient to match."""
    if reduction == "mean":
        return loss.mean(), grad / max(loss.size, 1)
    if reduction == "sum":
        return loss.sum(), grad
    raise ValueError(f"{name}: reduction must be 'mean' or 'sum', got {reduction!r}")


def _target(target: Any, like: Tensor, name: str) -> np.ndarray:
    t = np.asarray(target.data if isinstance(target, Tensor) else target, dtype=like.dtype)
    if t.shape != like.shape:
        raise ValueError(f"{name}: prediction has shape {like.shape} but target has shape {t.shape}")
    return t


def _loss_node(pred: Tensor, loss: np.ndarray, grad: np.ndarray, reduction: str, name: str) -> Tensor:
    value, grad = _reduce(loss, grad, reduction, name)
    return _node(np.asarray(value, dtype=pred.dtype), (pred,), lambda g: (g * grad,), name)


def mse_loss(pred: Tensor, target: Any, reduction: str = "mean") -> Tensor:
    """Mean squared error: mean((pred − target)²). Shapes must match."""
    diff = pred.data - _target(target, pred, "mse_loss")
    return _loss_node(pred, diff * diff, 2 * diff, reduction, "mse_loss")


def binary_cross_entropy(prob: Tensor, target: Any, reduction: str = "mean") -> Tensor:
    """−[t log p + (1 − t) log(1 − p)], with p clamped to [1e-7, 1 − 1e-7] so no log(0)."""
    t = _target(target, prob, "binary_cross_entropy")
    if np.any((prob.data < 0) | (prob.data > 1)):
        raise ValueError("binary_cross_entropy: predictions must be probabilities in [0, 1]; "
                         "for raw scores use binary_cross_entropy_with_logits")
    p = np.clip(prob.data, 1e-7, 1 - 1e-7)
    loss = -(t * np.log(p) + (1 - t) * np.log1p(-p))
    return _loss_node(prob, loss, (p - t) / (p * (1 - p)), reduction, "binary_cross_entropy")


def binary_cross_entropy_with_logits(logits: Tensor, target: Any, reduction: str = "mean") -> Tensor:
    """BCE of sigmoid(x) computed from x: max(x, 0) − x·t + log(1 + e^(−|x|)). Stable for any x.

    Its gradient is simply sigmoid(x) − t.
    """
    x, t = logits.data, _target(target, logits, "binary_cross_entropy_with_logits")
    loss = np.maximum(x, 0) - x * t + np.log1p(np.exp(-np.abs(x)))
    return _loss_node(logits, loss, Tensor(x).sigmoid().data - t, reduction,
                      "binary_cross_entropy_with_logits")


def _check_classes(labels: np.ndarray, num_classes: int, name: str) -> None:
    if labels.dtype.kind not in "iu":
        raise ValueError(f"{name}: class labels must be integers, got dtype {labels.dtype}")
    if labels.size and (labels.min() < 0 or labels.max() >= num_classes):
        raise ValueError(f"{name}: labels must be in [0, {num_classes}), found values from "
                         f"{labels.min()} to {labels.max()}")


def cross_entropy(logits: Tensor, target: Any, reduction: str = "mean") -> Tensor:
    """Softmax followed by the negative log-likelihood of the right class, fused.

    logits: (N, C) raw scores; target: (N,) integer classes in [0, C).
    loss_n = logsumexp(x_n) − x_n[t_n];  dloss_n/dx_n = softmax(x_n) − one_hot(t_n).
    """
    t = np.asarray(target.data if isinstance(target, Tensor) else target)
    if logits.ndim != 2 or t.shape != (logits.shape[0],):
        raise ValueError(f"cross_entropy: expected logits (N, C) and targets (N,), got logits "
                         f"{logits.shape} and targets {t.shape}")
    _check_classes(t, logits.shape[1], "cross_entropy")
    x = logits.data
    shifted = x - x.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    total = e.sum(axis=1, keepdims=True)
    rows = np.arange(len(t))
    loss = np.log(total[:, 0]) - shifted[rows, t]
    grad = e / total
    grad[rows, t] -= 1
    return _loss_node(logits, loss, grad, reduction, "cross_entropy")
