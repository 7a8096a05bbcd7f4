"""Neural-network functions on tensors (``import minigrad.functional as F``).

Layers, pooling and losses written as single graph nodes with a hand-derived
backward: fewer nodes and fewer temporaries than composing them from the
element-wise operations, and numerically stable where it matters.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from . import stable
from .allocator import product, reusable
from .col2im import _col2im_shifted, _span
from .randomness import generator
from .dtypes import floating
from .shapes import broadcasting, pair
from .tensor import Tensor, matmul

__all__ = [
    "linear", "conv2d", "max_pool2d", "avg_pool2d", "adaptive_avg_pool2d", "dropout", "relu", "sigmoid", "tanh",
    "softmax", "log_softmax", "one_hot", "mse_loss", "binary_cross_entropy",
    "binary_cross_entropy_with_logits", "cross_entropy", "nll_loss", "smooth_l1_loss",
]


def _expect_tensors(op: str, *inputs: Any) -> None:
    """A clear error for the common slip of passing a numpy array where a Tensor is needed."""
    for x in inputs:
        if x is not None and not isinstance(x, Tensor):
            raise TypeError(f"{op}: expected a Tensor, got {type(x).__name__}; "
                            f"wrap arrays with minigrad.Tensor(x)")


# --- activations: the Tensor methods, as functions ------------------------------
def relu(x: Tensor) -> Tensor:
    return x.relu()


def sigmoid(x: Tensor) -> Tensor:
    return x.sigmoid()


def tanh(x: Tensor) -> Tensor:
    return x.tanh()


def softmax(x: Tensor, dim: int | None = None, *, axis: int | None = None) -> Tensor:
    return x.softmax(dim, axis=axis)


def log_softmax(x: Tensor, dim: int | None = None, *, axis: int | None = None) -> Tensor:
    return x.log_softmax(dim, axis=axis)


# --- layers ------------------------------------------------------------------------
def linear(x: Tensor, weight: Tensor, bias: Tensor | None = None) -> Tensor:
    """z = x Wᵀ + b, z_j = Σ_i w_ji x_i + b_j.  x: (..., in), weight: (out, in) with
    weight[j, i] = w_ji as in PyTorch, bias: (out,) → (..., out)."""
    _expect_tensors("linear", x, weight, bias)
    if weight.ndim != 2:
        raise ValueError(f"linear: weight must be (out_features, in_features), got shape {weight.shape}")
    _check_bias("linear", bias, weight)
    if x.shape[-1] != weight.shape[-1]:
        raise ValueError(f"linear: input has {x.shape[-1]} features (shape {x.shape}) but the "
                         f"weight expects {weight.shape[-1]} (weight shape {weight.shape})")
    if x.ndim != 2:  # the general case, through matmul's broadcasting
        out = matmul(x, weight.T)
        return out if bias is None else out + bias
    xd, wd = x.data, weight.data
    out = product(xd, wd.T)
    if bias is not None:
        out += bias.data

    def backward(g: np.ndarray) -> tuple:  # one node: dL/dx = g W, dL/dW = gᵀ x, dL/db = Σₙ g
        return (product(g, wd) if x.requires_grad else None,
                g.T @ xd if weight.requires_grad else None,
                g)  # the bias was broadcast over the batch: the engine sums its rows
    return Tensor.from_op(out, (x, weight) if bias is None else (x, weight, bias), backward, "linear")


def _check_bias(op: str, bias: Tensor | None, weight: Tensor) -> None:
    """A bias has one entry per output (``weight.shape[0]``); anything else would broadcast
    silently and leave the bias a gradient of the wrong shape."""
    if bias is not None and bias.shape != weight.shape[:1]:
        raise ValueError(f"{op}: bias has shape {bias.shape}, but the weight {weight.shape} has "
                         f"{weight.shape[0]} outputs: expected ({weight.shape[0]},)")


def conv2d(x: Tensor, weight: Tensor, bias: Tensor | None = None, stride: int = 1,
           padding: int = 0) -> Tensor:
    """2-D convolution (cross-correlation, as in every deep learning library).

    out[n, o, i, j] = b[o] + Σ_{c, p, q} w[o, c, p, q] · x[n, c, i·s + p, j·s + q]

    x: (N, C, H, W), weight: (O, C, kH, kW), bias: (O,) → (N, O, Ho, Wo) with
    Ho = (H + 2·padding − kH) // stride + 1. Implemented as im2col: the input values every
    output reads are copied into the columns of a matrix, and one matrix product per image
    does all the work.
    """
    _expect_tensors("conv2d", x, weight, bias)
    if x.ndim != 4 or weight.ndim != 4:
        raise ValueError(f"conv2d: expected input (N, C, H, W) and weight (O, C, kH, kW), "
                         f"got {x.shape} and {weight.shape}")
    n, c, h, w = x.shape
    o, wc, kh, kw = weight.shape
    if c != wc:
        raise ValueError(f"conv2d: input has {c} channels (shape {x.shape}) but the weight "
                         f"expects {wc} (shape {weight.shape})")
    _check_bias("conv2d", bias, weight)
    sh, sw = pair(stride, 1, "conv2d", "stride")
    ph, pw = pair(padding, 0, "conv2d", "padding")
    if h + 2 * ph < kh or w + 2 * pw < kw:
        raise ValueError(f"conv2d: kernel {kh}×{kw} is larger than the padded input "
                         f"{h + 2 * ph}×{w + 2 * pw}")
    ho, wo = (h + 2 * ph - kh) // sh + 1, (w + 2 * pw - kw) // sw + 1
    # im2col: cols[n, c, p, q, i, j] = xpad[n, c, i·s + p, j·s + q], where xpad is x with zeros
    # around it. sliding_window_view gives every kH×kW window of xpad without copying; one copy
    # lays them out so that the product below yields (N, O, Ho·Wo), the output's memory order.
    # The large arrays come from `reusable`: the memory of the previous step, when free.
    xpad = x.data
    if ph or pw:  # np.pad does the same, more slowly
        xpad = np.zeros((n, c, h + 2 * ph, w + 2 * pw), dtype=x.dtype)
        xpad[:, :, ph:ph + h, pw:pw + w] = x.data
    windows = sliding_window_view(xpad, (kh, kw), axis=(2, 3))[:, :, ::sh, ::sw]  # (N, C, Ho, Wo, kH, kW)
    cols = reusable((n, c, kh, kw, ho, wo), x.dtype)
    np.copyto(cols, windows.transpose(0, 1, 4, 5, 2, 3))
    cols = cols.reshape(n, c * kh * kw, ho * wo)
    wmat = weight.data.reshape(o, c * kh * kw)
    out = product(wmat, cols)  # (N, O, Ho·Wo)
    if bias is not None:
        out += bias.data[:, None]

    def backward(g: np.ndarray) -> tuple:
        g = g.reshape(n, o, ho * wo)
        gw = (g @ cols.transpose(0, 2, 1)).sum(axis=0).reshape(weight.shape) if weight.requires_grad else None
        gb = g.sum(axis=(0, 2)) if bias is not None and bias.requires_grad else None
        gx = None
        if x.requires_grad and sh == sw == 1:  # the common case, in kH·kW whole-array additions
            gx = _col2im_shifted(g, weight.data, x.shape, (ph, pw))
        elif x.requires_grad:
            # col2im: each column's gradient is added back to the input value it was copied from.
            # Kernel entry (p, q) was read by the outputs [oi, oj], from the inputs [xi, xj];
            # the padding, read as zeros, gets no gradient.
            gcols = product(wmat.T, g)
            gcols = gcols.reshape(n, c, kh, kw, ho, wo)
            gx = reusable(x.shape, x.dtype)
            gx.fill(0)
            for p in range(kh):
                oi, xi = _span(p, sh, ph, h, ho)
                for q in range(kw):
                    oj, xj = _span(q, sw, pw, w, wo)
                    gx[:, :, xi, xj] += gcols[:, :, p, q, oi, oj]
        return (gx, gw) if bias is None else (gx, gw, gb)
    parents = (x, weight) if bias is None else (x, weight, bias)
    return Tensor.from_op(out.reshape(n, o, ho, wo), parents, backward, "conv2d")


def _pool_geometry(x: Tensor, kernel_size: Any, stride: Any, name: str) -> tuple:
    _expect_tensors(name, x)
    if x.ndim != 4:
        raise ValueError(f"{name}: expected input (N, C, H, W), got {x.shape}")
    kh, kw = pair(kernel_size, 1, name, "kernel_size")
    sh, sw = pair(stride if stride is not None else kernel_size, 1, name, "stride")
    h, w = x.shape[2:]
    if kh > h or kw > w:
        raise ValueError(f"{name}: kernel {kh}×{kw} is larger than the input {h}×{w}")
    return kh, kw, sh, sw, (h - kh) // sh + 1, (w - kw) // sw + 1


def max_pool2d(x: Tensor, kernel_size: int | tuple = 2, stride: int | tuple | None = None) -> Tensor:
    """Largest value of each kernel window (stride defaults to the kernel size).

    The gradient goes to the first maximum of each window (row-major order), the rule of
    ``Tensor.max`` too (and of PyTorch's max-pooling).
    """
    kh, kw, sh, sw, ho, wo = _pool_geometry(x, kernel_size, stride, "max_pool2d")
    data = x.data

    def tap(a: np.ndarray, p: int, q: int) -> np.ndarray:  # entry (p, q) of every window
        return a[:, :, p:p + sh * ho:sh, q:q + sw * wo:sw]
    # The maximum is separable: the largest of each window's row maxima. np.maximum over
    # strided slices, rows first (whole rows of memory at a time), then columns, beats one
    # pass per window entry, and a reduction over window axes by far.
    rows = data[:, :, 0:sh * ho:sh]                                    # (N, C, Ho, W)
    for p in range(1, kh):
        rows = np.maximum(rows, data[:, :, p:p + sh * ho:sh])
    out = rows[..., 0:sw * wo:sw]                                      # (N, C, Ho, Wo)
    for q in range(1, kw):
        out = np.maximum(out, rows[..., q:q + sw * wo:sw])
    if kh == kw == 1:
        out = out.copy()  # a 1×1 window: a copy, not a view of the input

    def backward(g: np.ndarray) -> tuple:
        gx = reusable(data.shape, data.dtype)
        overlap = sh < kh or sw < kw
        if (sh, sw) != (kh, kw) or kh * ho != data.shape[2] or kw * wo != data.shape[3]:
            gx.fill(0)  # unless the windows tile the input, the loop below leaves entries unwritten
        left = np.ones(out.shape, bool)  # the windows whose (first) maximum is not found yet
        for p in range(kh):
            for q in range(kw):
                first = tap(data, p, q) == out
                first &= left  # booleans: a quarter of the memory traffic of float masks
                if overlap:  # an input in several windows adds up their gradients
                    tap(gx, p, q)[...] += g * first
                else:
                    np.multiply(g, first, out=tap(gx, p, q))
                left ^= first
        return (gx,)
    return Tensor.from_op(out, (x,), backward, "max_pool2d")


def avg_pool2d(x: Tensor, kernel_size: int | tuple = 2, stride: int | tuple | None = None) -> Tensor:
    """Mean of each kernel window (stride defaults to the kernel size)."""
    kh, kw, sh, sw, ho, wo = _pool_geometry(x, kernel_size, stride, "avg_pool2d")
    data = x.data

    def tap(a: np.ndarray, p: int, q: int) -> np.ndarray:  # entry (p, q) of every window
        return a[:, :, p:p + sh * ho:sh, q:q + sw * wo:sw]
    out = np.zeros((*data.shape[:2], ho, wo), dtype=data.dtype)
    for p in range(kh):
        for q in range(kw):
            out += tap(data, p, q)
    out /= kh * kw

    def backward(g: np.ndarray) -> tuple:
        gx = np.zeros(data.shape, dtype=data.dtype)
        share = g / (kh * kw)
        for p in range(kh):
            for q in range(kw):
                tap(gx, p, q)[...] += share
        return (gx,)
    return Tensor.from_op(out, (x,), backward, "avg_pool2d")


def adaptive_avg_pool2d(x: Tensor, output_size: int | tuple) -> Tensor:
    """Mean over a grid of ``output_size`` cells: (N, C, H, W) → (N, C, Ho, Wo); ``1`` is global
    average pooling. Here each output size must divide the input's (then it is
    ``avg_pool2d`` with kernel = stride = H/Ho × W/Wo, as in PyTorch)."""
    if x.ndim != 4:
        raise ValueError(f"adaptive_avg_pool2d: expected (N, C, H, W), got shape {x.shape}")
    ho, wo = (output_size, output_size) if isinstance(output_size, int) else output_size
    h, w = x.shape[-2:]
    ho, wo = h if ho is None else ho, w if wo is None else wo
    if ho < 1 or wo < 1 or h % ho or w % wo:
        raise ValueError(f"adaptive_avg_pool2d: output size {(ho, wo)} must divide the input's "
                         f"{(h, w)} in minigrad (PyTorch also allows uneven cells)")
    return avg_pool2d(x, (h // ho, w // wo))


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
    return Tensor.from_op(x.data * mask, (x,), lambda g: (g * mask,), "dropout")


def one_hot(labels: Any, num_classes: int) -> Tensor:
    """(N,) integer labels → (N, num_classes) float32 rows with a single 1."""
    labels = np.asarray(labels.data if isinstance(labels, Tensor) else labels)
    _check_classes(labels, num_classes, "one_hot")
    out = np.zeros(labels.shape + (num_classes,), dtype=np.float32)
    np.put_along_axis(out, labels[..., None], 1.0, axis=-1)
    return Tensor(out)


# --- losses ---------------------------------------------------------------------------
def _reduce(loss: np.ndarray, grad: np.ndarray, reduction: str, name: str) -> tuple:
    """Apply ``reduction`` to per-entry losses and scale their gradient to match
    ('none' keeps one loss per entry, as in PyTorch)."""
    if reduction == "mean":
        return loss.mean(), grad / max(loss.size, 1)
    if reduction == "sum":
        return loss.sum(), grad
    if reduction == "none":
        return loss, grad
    raise ValueError(f"{name}: reduction must be 'mean', 'sum' or 'none', got {reduction!r}")


def _target(target: Any, like: Tensor, name: str) -> np.ndarray:
    t = np.asarray(target.data if isinstance(target, Tensor) else target, dtype=like.dtype)
    if t.shape != like.shape:
        raise ValueError(f"{name}: prediction has shape {like.shape} but target has shape {t.shape}")
    return t


def _loss_node(pred: Tensor, loss: np.ndarray, grad: np.ndarray, reduction: str, name: str) -> Tensor:
    value, grad = _reduce(loss, grad, reduction, name)
    # With 'none', a loss per row (cross_entropy's, shape (N,)) has a gradient per entry (N, C).
    return Tensor.from_op(np.asarray(value, dtype=pred.dtype), (pred,),
                          lambda g: (g.reshape(g.shape + (1,) * (grad.ndim - g.ndim)) * grad,), name)


def mse_loss(pred: Tensor, target: Any, reduction: str = "mean") -> Tensor:
    """Mean squared error: mean((pred − target)²). Shapes must match."""
    _expect_tensors("mse_loss", pred)
    diff = broadcasting(np.subtract, pred.data, _target(target, pred, "mse_loss"), "mse_loss")
    return _loss_node(pred, broadcasting(np.multiply, diff, diff, "mse_loss"), 2 * diff, reduction, "mse_loss")


def smooth_l1_loss(pred: Tensor, target: Any, reduction: str = "mean", beta: float = 1.0) -> Tensor:
    """Huber-like loss: ½d²/β where abs(d) < β, abs(d) − ½β elsewhere (d = pred − target).

    Quadratic near 0, linear far away, so outliers pull less than in mse_loss.
    Gradient: d/β inside, sign(d) outside.
    """
    _expect_tensors("smooth_l1_loss", pred)
    if beta <= 0:
        raise ValueError(f"smooth_l1_loss: beta must be > 0 in minigrad (β = 0 is l1_loss), got {beta}")
    d = broadcasting(np.subtract, pred.data, _target(target, pred, "smooth_l1_loss"), "smooth_l1_loss")
    near = np.abs(d) < beta
    loss = np.where(near, 0.5 * d * d / beta, np.abs(d) - 0.5 * beta)
    return _loss_node(pred, loss, np.where(near, d / beta, np.sign(d)), reduction, "smooth_l1_loss")


def binary_cross_entropy(prob: Tensor, target: Any, reduction: str = "mean") -> Tensor:
    """−[t log p + (1 − t) log(1 − p)], with p clamped to [1e-7, 1 − 1e-7] so no log(0)."""
    _expect_tensors("binary_cross_entropy", prob)
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
    _expect_tensors("binary_cross_entropy_with_logits", logits)
    x, t = logits.data, _target(target, logits, "binary_cross_entropy_with_logits")
    loss = np.maximum(x, 0) - x * t + np.log1p(np.exp(-np.abs(x)))
    return _loss_node(logits, loss, stable.sigmoid(x) - t, reduction,
                      "binary_cross_entropy_with_logits")


def _check_classes(labels: np.ndarray, num_classes: int, name: str) -> None:
    if labels.dtype.kind not in "iu":
        raise ValueError(f"{name}: class labels must be integers, got dtype {labels.dtype}")
    if labels.size and (labels.min() < 0 or labels.max() >= num_classes):
        raise ValueError(f"{name}: labels must be in [0, {num_classes}), found values from "
                         f"{labels.min()} to {labels.max()}")


def _classes(scores: Tensor, target: Any, name: str) -> tuple[np.ndarray, np.ndarray]:
    """The (N,) integer targets of (N, C) scores, checked; and the row numbers 0 … N − 1."""
    _expect_tensors(name, scores)
    t = np.asarray(target.data if isinstance(target, Tensor) else target)
    if scores.ndim != 2 or t.shape != (scores.shape[0],):
        raise ValueError(f"{name}: expected scores (N, C) and targets (N,), got scores "
                         f"{scores.shape} and targets {t.shape}")
    _check_classes(t, scores.shape[1], name)
    return t, np.arange(len(t))


def cross_entropy(logits: Tensor, target: Any, reduction: str = "mean") -> Tensor:
    """Softmax followed by the negative log-likelihood of the right class, fused.

    logits: (N, C) raw scores; target: (N,) integer classes in [0, C).
    loss_n = logsumexp(x_n) − x_n[t_n];  dloss_n/dx_n = softmax(x_n) − one_hot(t_n).
    """
    t, rows = _classes(logits, target, "cross_entropy")
    log_p = stable.log_softmax(floating(logits.data), axis=1)
    grad = np.exp(log_p)
    grad[rows, t] -= 1
    return _loss_node(logits, -log_p[rows, t], grad, reduction, "cross_entropy")


def nll_loss(log_probs: Tensor, target: Any, reduction: str = "mean") -> Tensor:
    """The negative log-likelihood of the right class, from log-probabilities (N, C) such as
    ``log_softmax(x, dim=1)``: loss_n = −log_probs[n, t_n]. ``cross_entropy`` fuses the two."""
    t, rows = _classes(log_probs, target, "nll_loss")
    grad = np.zeros_like(log_probs.data)
    grad[rows, t] = -1
    return _loss_node(log_probs, -log_probs.data[rows, t], grad, reduction, "nll_loss")


# Normalisation, GELU and attention live in rooms of their own; F offers them all.
from .activation import gelu  # noqa: E402
from .attention import masked_softmax, scaled_dot_product_attention  # noqa: E402
from .normalization import batch_norm, layer_norm  # noqa: E402

__all__ += ["gelu", "masked_softmax", "scaled_dot_product_attention", "batch_norm", "layer_norm"]
