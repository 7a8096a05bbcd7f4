"""Attention: a masked softmax and scaled dot-product attention, one graph node each.

Attention lets every position of a sequence read from the others. A query q asks, every key k
answers with a score q·k/√d, a softmax turns the scores of each query into weights, and the
output is the weighted average of the values v:

    Attention(Q, K, V) = softmax(Q Kᵀ / √d + M) V

where the mask M is 0 where a query may look and −∞ where it may not: its weight is then
exactly 0. With the *causal* mask, position i sees positions 0…i only, never the future.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from .randomness import generator
from .tensor import Tensor


def _masked_scores(scores: np.ndarray, allowed: np.ndarray | None, op: str) -> np.ndarray:
    """``scores`` with −∞ where ``allowed`` (broadcast against them) is False."""
    if allowed is None:
        return scores
    try:
        return np.where(allowed, scores, -np.inf)
    except ValueError:
        raise ValueError(f"{op}: the mask of shape {np.shape(allowed)} does not broadcast "
                         f"against the scores, of shape {scores.shape}") from None


def _softmax(scores: np.ndarray, axis: int, op: str) -> np.ndarray:
    """softmax along ``axis``, around the max; a row that is −∞ everywhere is refused, not NaN."""
    top = scores.max(axis=axis, keepdims=True)
    if np.isneginf(top).any():
        raise ValueError(f"{op}: {int(np.isneginf(top).sum())} row(s) of the scores (shape "
                         f"{scores.shape}) are masked everywhere: a query must be allowed at "
                         f"least one key")
    e = np.exp(scores - top)
    e /= e.sum(axis=axis, keepdims=True)
    return e


def _softmax_backward(p: np.ndarray, g: np.ndarray, axis: int) -> np.ndarray:
    """dL/ds from g = dL/dp for p = softmax(s): pᵢ (gᵢ − Σⱼ gⱼ pⱼ); masked entries get 0."""
    gs = g - (g * p).sum(axis=axis, keepdims=True)
    gs *= p
    return gs


def masked_softmax(input: Tensor, mask: Any, dim: int = -1) -> Tensor:
    """softmax along ``dim`` over the entries where ``mask`` is True; the others get weight 0.

    ``mask`` is boolean and broadcasts against ``input`` (e.g. a (T, T) causal mask for
    (N, T, T) scores). Every row needs one True entry at least.
    """
    if not isinstance(input, Tensor):
        raise TypeError(f"masked_softmax: expected a Tensor, got {type(input).__name__}")
    allowed = np.asarray(mask.data if isinstance(mask, Tensor) else mask)
    if allowed.dtype != bool:
        raise TypeError(f"masked_softmax: the mask must be boolean (True: keep), got {allowed.dtype}")
    p = _softmax(_masked_scores(input.data, allowed, "masked_softmax"), dim, "masked_softmax")
    return Tensor.from_op(p, (input,), lambda g: (_softmax_backward(p, g, dim),), "masked_softmax")


def _causal_mask(size: int, key_size: int | None = None) -> np.ndarray:
    """The (size, key_size) boolean mask with True on and below the diagonal: i sees j ≤ i."""
    return np.tril(np.ones((size, size if key_size is None else key_size), dtype=bool))


def _attention_mask(attn_mask: Any, is_causal: bool, L: int, S: int) -> tuple:
    """(allowed, additive): a boolean mask, a float mask added to the scores, or neither."""
    if is_causal:
        if attn_mask is not None:
            raise ValueError("scaled_dot_product_attention: give attn_mask or is_causal=True, not both")
        return _causal_mask(L, S), None
    if attn_mask is None:
        return None, None
    m = np.asarray(attn_mask.data if isinstance(attn_mask, Tensor) else attn_mask)
    return (m, None) if m.dtype == bool else (None, m)


def _attention_weights(q: np.ndarray, k: np.ndarray, scale: float, allowed: np.ndarray | None,
                       additive: np.ndarray | None) -> np.ndarray:
    """P = softmax(Q Kᵀ · scale + mask), (…, L, S): what each query reads from each key."""
    op = "scaled_dot_product_attention"
    try:
        scores = np.matmul(q, k.swapaxes(-1, -2))
    except ValueError:
        raise ValueError(f"{op}: the batch axes of query {q.shape} and key {k.shape} cannot be "
                         f"broadcast") from None
    scores *= scale
    if additive is not None:
        try:
            scores = scores + additive.astype(scores.dtype)  # the mask may add batch axes
        except ValueError:
            raise ValueError(f"{op}: the mask of shape {additive.shape} does not broadcast against "
                             f"the scores, of shape {scores.shape}") from None
    return _softmax(_masked_scores(scores, allowed, op), -1, op)


def scaled_dot_product_attention(query: Tensor, key: Tensor, value: Tensor, attn_mask: Any = None,
                                 dropout_p: float = 0.0, is_causal: bool = False,
                                 scale: float | None = None) -> Tensor:
    """softmax(Q Kᵀ · scale + mask) V, one node; PyTorch's signature and mask convention.

    query (…, L, E), key (…, S, E), value (…, S, Ev) → (…, L, Ev); the leading axes
    (batch, heads) broadcast. ``scale`` defaults to 1/√E. ``attn_mask`` broadcasts to
    (…, L, S): boolean, True where a query may attend (as in PyTorch's function; its
    ``nn.MultiheadAttention`` uses the opposite), or float, added to the scores (a constant:
    no gradient). ``is_causal``: query i attends to keys 0…i. ``dropout_p`` > 0 zeroes
    attention weights with that probability (call it with 0 at evaluation).

    Backward, with P the weights, S = Q Kᵀ · scale and G = dL/d(out):
    dV = Pᵀ G,  dP = G Vᵀ,  dS = P ⊙ (dP − rowsum(dP ⊙ P)),  dQ = dS K · scale,  dK = dSᵀ Q · scale.
    """
    for name, t in (("query", query), ("key", key), ("value", value)):
        if not isinstance(t, Tensor) or t.ndim < 2:
            raise ValueError(f"scaled_dot_product_attention: {name} must be a Tensor (…, length, "
                             f"features), got {getattr(t, 'shape', type(t).__name__)}")
    q, k, v = query.data, key.data, value.data
    if q.shape[-1] != k.shape[-1] or k.shape[-2] != v.shape[-2]:
        raise ValueError(f"scaled_dot_product_attention: query {q.shape}, key {k.shape} and value "
                         f"{v.shape} need query and key of the same last axis, key and value of "
                         f"the same length")
    if not 0.0 <= dropout_p < 1.0:
        raise ValueError(f"scaled_dot_product_attention: dropout_p must be in [0, 1), got {dropout_p}")
    scale = 1.0 / math.sqrt(q.shape[-1]) if scale is None else scale
    p = _attention_weights(q, k, scale, *_attention_mask(attn_mask, is_causal, q.shape[-2], k.shape[-2]))
    keep = None
    if dropout_p > 0.0:
        keep = (generator().random(p.shape) >= dropout_p).astype(p.dtype) / (1.0 - dropout_p)
    weights = p * keep if keep is not None else p
    out = np.matmul(weights, v)

    def backward(g: np.ndarray) -> tuple:
        # Batch axes that were broadcast get their gradients summed back by the engine.
        gv = np.matmul(weights.swapaxes(-1, -2), g) if value.requires_grad else None
        gq = gk = None
        if query.requires_grad or key.requires_grad:
            gp = np.matmul(g, v.swapaxes(-1, -2))
            if keep is not None:
                gp *= keep
            gs = _softmax_backward(p, gp, -1)
            gs *= scale
            gq = np.matmul(gs, k) if query.requires_grad else None
            gk = np.matmul(gs.swapaxes(-1, -2), q) if key.requires_grad else None
        return gq, gk, gv
    return Tensor.from_op(out, (query, key, value), backward, "attention")
