"""Normalisation: layer norm and batch norm, each one graph node with a hand-derived backward.

Both standardise their input over some axes, x̂ = (x − μ) / √(σ² + ε), then scale and shift
it, y = γ x̂ + β. Layer norm takes μ and σ² over the features of each example; batch norm over
the examples (and positions) of each channel. The backward of the standardisation is the same
for both (``_standardize_backward``): with m entries per mean and g = dL/dx̂,

    dL/dx = (g − mean(g) − x̂ · mean(g x̂)) / √(σ² + ε).
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from .tensor import Tensor


def _standardize(x: np.ndarray, axes: tuple, eps: float) -> tuple[np.ndarray, np.ndarray]:
    """x̂ = (x − μ)/√(σ² + ε) over ``axes`` (σ² the biased variance), and 1/√(σ² + ε) kept."""
    m = int(np.prod([x.shape[a] for a in axes]))  # entries per mean
    centred = x - x.sum(axis=axes, keepdims=True) / m
    inv_std = 1.0 / np.sqrt(np.square(centred).sum(axis=axes, keepdims=True) / m + eps)
    centred *= inv_std  # now x̂, in place: no second array of x's size
    return centred, inv_std


def _standardize_backward(g: np.ndarray, xhat: np.ndarray, inv_std: np.ndarray, axes: tuple) -> np.ndarray:
    """dL/dx from g = dL/dx̂: every entry moves the mean and the variance it was part of."""
    m = int(np.prod([g.shape[a] for a in axes]))
    gx = xhat * ((g * xhat).sum(axis=axes, keepdims=True) / m)
    np.subtract(g, gx, out=gx)
    gx -= g.sum(axis=axes, keepdims=True) / m
    gx *= inv_std
    return gx


def _affine_grads(g: np.ndarray, xhat: np.ndarray, weight: Tensor | None, bias: Tensor | None,
                  axes: tuple) -> list:
    """dL/dγ = Σ g x̂ and dL/dβ = Σ g, summed over ``axes``, along which γ and β are shared."""
    grads = []
    if weight is not None:
        grads.append((g * xhat).sum(axis=axes) if weight.requires_grad else None)
    if bias is not None:
        grads.append(g.sum(axis=axes) if bias.requires_grad else None)
    return grads


def layer_norm(input: Tensor, normalized_shape: int | Sequence[int], weight: Tensor | None = None,
               bias: Tensor | None = None, eps: float = 1e-5) -> Tensor:
    """Layer normalisation over the last ``len(normalized_shape)`` axes (Ba et al., 2016).

    y = γ ⊙ (x − μ)/√(σ² + ε) + β, with μ and σ² (biased) the mean and variance of each
    example's last axes. input: a shape ending with normalized_shape; weight γ and bias β: normalized_shape.
    """
    shape = (normalized_shape,) if isinstance(normalized_shape, (int, np.integer)) else tuple(normalized_shape)
    if not isinstance(input, Tensor):
        raise TypeError(f"layer_norm: expected a Tensor, got {type(input).__name__}")
    if input.shape[input.ndim - len(shape):] != shape or len(shape) > input.ndim:
        raise ValueError(f"layer_norm: normalized_shape {shape} must be the last axes of the "
                         f"input, whose shape is {input.shape}")
    for name, p in (("weight", weight), ("bias", bias)):
        if p is not None and p.shape != shape:
            raise ValueError(f"layer_norm: {name} has shape {p.shape}, expected normalized_shape {shape}")
    # Each example's normalised axes are one row of a 2-D view: statistics along axis 1.
    rows = input.data.reshape(-1, int(np.prod(shape)))
    xhat, inv_std = _standardize(rows, (1,), eps)
    out = xhat * weight.data.reshape(-1) if weight is not None else xhat.copy()
    if bias is not None:
        out += bias.data.reshape(-1)

    def backward(g: np.ndarray) -> tuple:
        g = g.reshape(rows.shape)
        gxhat = g * weight.data.reshape(-1) if weight is not None else g
        gx = _standardize_backward(gxhat, xhat, inv_std, (1,)).reshape(input.shape) if input.requires_grad else None
        return (gx, *(None if gp is None else gp.reshape(shape)
                      for gp in _affine_grads(g, xhat, weight, bias, (0,))))
    parents = (input,) + tuple(p for p in (weight, bias) if p is not None)
    return Tensor.from_op(out.reshape(input.shape), parents, backward, "layer_norm")


def batch_norm(input: Tensor, running_mean: Tensor | None, running_var: Tensor | None,
               weight: Tensor | None = None, bias: Tensor | None = None, training: bool = False,
               momentum: float = 0.1, eps: float = 1e-5) -> Tensor:
    """Batch normalisation of each channel, axis 1 (Ioffe & Szegedy, 2015). PyTorch's signature.

    input (N, C) or (N, C, L) or (N, C, H, W); running_mean, running_var, weight, bias: (C,).
    ``training``: standardise with the batch's own mean and (biased) variance over every axis
    but 1, and update the running statistics in place, r ← (1 − momentum) r + momentum · s
    (s the batch mean, or the *unbiased* variance). Otherwise, use the running statistics:
    y = γ (x − r_μ)/√(r_σ² + ε) + β, a fixed affine map of x.
    """
    if not isinstance(input, Tensor):
        raise TypeError(f"batch_norm: expected a Tensor, got {type(input).__name__}")
    if input.ndim < 2:
        raise ValueError(f"batch_norm: expected input (N, C, ...), got shape {input.shape}")
    c = input.shape[1]
    for name, p in (("running_mean", running_mean), ("running_var", running_var),
                    ("weight", weight), ("bias", bias)):
        if p is not None and p.shape != (c,):
            raise ValueError(f"batch_norm: {name} has shape {p.shape}, but the input {input.shape} "
                             f"has {c} channels: expected ({c},)")
    axes = (0,) + tuple(range(2, input.ndim))
    channel = (1, c) + (1,) * (input.ndim - 2)  # (C,) broadcast along axis 1
    x = input.data
    if training:
        m = x.size // max(c, 1)
        if m <= 1:
            raise ValueError(f"batch_norm: training needs more than one value per channel, the "
                             f"input {input.shape} has {m}")
        xhat, inv_std = _standardize(x, axes, eps)
        if running_mean is not None and running_var is not None:
            for r, s in ((running_mean, x.mean(axis=axes)), (running_var, x.var(axis=axes, ddof=1))):
                r.data *= 1 - momentum
                r.data += momentum * s
    else:
        if running_mean is None or running_var is None:
            raise ValueError("batch_norm: evaluation (training=False) needs running_mean and running_var")
        inv_std = 1.0 / np.sqrt(running_var.data.reshape(channel) + eps)
        xhat = (x - running_mean.data.reshape(channel)) * inv_std
    out = xhat
    if weight is not None:
        out = out * weight.data.reshape(channel)
    if bias is not None:
        out = out + bias.data.reshape(channel)
    out = out.astype(x.dtype, copy=False)

    def backward(g: np.ndarray) -> tuple:
        gxhat = g * weight.data.reshape(channel) if weight is not None else g
        gx = None
        if input.requires_grad:  # in evaluation x̂ is affine in x: no statistics to go through
            gx = _standardize_backward(gxhat, xhat, inv_std, axes) if training else gxhat * inv_std
        return (gx, *_affine_grads(g, xhat, weight, bias, axes))
    parents = (input,) + tuple(p for p in (weight, bias) if p is not None)
    return Tensor.from_op(out, parents, backward, "batch_norm")
