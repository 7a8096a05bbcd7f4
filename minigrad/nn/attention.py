"""``MultiheadAttention``: several attentions side by side, PyTorch's interface and parameter names.

Each head h projects the inputs to its own queries, keys and values, Qₕ = X W_Qₕ, …, and runs
:func:`~minigrad.functional.scaled_dot_product_attention`; the heads' outputs are put side by
side and mixed by one more linear map, ``out_proj``. With E = embed_dim and H heads, each head
works in E/H dimensions, so H heads cost what one head of E dimensions costs.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from .. import functional as F
from ..attention import _attention_weights
from ..randomness import generator
from ..tensor import Tensor
from .layers import Linear
from .module import Module, Parameter


class MultiheadAttention(Module):
    """Multi-head attention (Vaswani et al., 2017), as ``torch.nn.MultiheadAttention``.

    Parameters, as in PyTorch (so ``state_dict``s load across): ``in_proj_weight`` (3E, E),
    the query, key and value projections stacked; ``in_proj_bias`` (3E,); ``out_proj``, a
    Linear(E, E). Inputs (L, N, E), or (N, L, E) with ``batch_first=True``.
    """

    def __init__(self, embed_dim: int, num_heads: int, dropout: float = 0.0, bias: bool = True,
                 batch_first: bool = False) -> None:
        if num_heads < 1 or embed_dim % num_heads:
            raise ValueError(f"MultiheadAttention: embed_dim {embed_dim} must be a multiple of "
                             f"num_heads {num_heads}")
        self.embed_dim, self.num_heads, self.head_dim = embed_dim, num_heads, embed_dim // num_heads
        self.dropout, self.batch_first = dropout, batch_first
        rng = generator()
        a = math.sqrt(6.0 / (embed_dim + 3 * embed_dim))  # Glorot-uniform, as PyTorch's
        self.in_proj_weight = Parameter(rng.uniform(-a, a, (3 * embed_dim, embed_dim)).astype(np.float32))
        self.in_proj_bias = Parameter(np.zeros(3 * embed_dim, np.float32)) if bias else None
        self.out_proj = Linear(embed_dim, embed_dim, bias=bias, init="glorot")

    def forward(self, query: Tensor, key: Tensor, value: Tensor, key_padding_mask: Any = None,
                need_weights: bool = True, attn_mask: Any = None, average_attn_weights: bool = True,
                is_causal: bool = False) -> tuple[Tensor, Tensor | None]:
        """(output, weights): output like ``query``; weights (N, L, S), or (N, H, L, S) with
        ``average_attn_weights=False``, or None when ``need_weights=False`` (faster).

        Masks follow PyTorch's module: a boolean ``attn_mask`` (L, S) or (N·H, L, S) is True
        where a query may *not* attend, a float one is added to the scores;
        ``key_padding_mask`` (N, S) is True at keys to ignore. ``is_causal`` is only a hint
        that ``attn_mask`` is the causal mask, which must still be given. The weights are
        for looking at: no gradient flows back through them.
        """
        if is_causal and attn_mask is None:
            raise ValueError("MultiheadAttention: is_causal=True is a hint; pass the causal "
                             "attn_mask too (True above the diagonal), as in PyTorch")
        self_attention = query is key and key is value
        if not self.batch_first:
            query, key, value = (t.transpose(0, 1) for t in (query, key, value))
        n, length, e = query.shape
        if e != self.embed_dim or key.shape[0] != n or key.shape != value.shape or key.shape[2] != e:
            raise ValueError(f"MultiheadAttention: expected query (N, L, {self.embed_dim}) and key, "
                             f"value (N, S, {self.embed_dim}) (batch_first={self.batch_first}), "
                             f"got {query.shape}, {key.shape} and {value.shape}")
        s = key.shape[1]
        q, k, v = self._project(query, key, value, self_attention)
        heads = (n, self.num_heads, length, s)
        additive = _additive_mask(attn_mask, key_padding_mask, heads)
        dropout_p = self.dropout if self.training else 0.0
        out = F.scaled_dot_product_attention(q, k, v, attn_mask=additive, dropout_p=dropout_p)
        out = self.out_proj(out.transpose(1, 2).reshape(n * length, e)).reshape(n, length, e)
        if not self.batch_first:
            out = out.transpose(0, 1)
        if not need_weights:
            return out, None
        weights = _attention_weights(q.data, k.data, 1.0 / math.sqrt(self.head_dim), None, additive)
        return out, Tensor(weights.mean(axis=1) if average_attn_weights else weights)

    def _project(self, query: Tensor, key: Tensor, value: Tensor, self_attention: bool) -> tuple:
        """Queries, keys and values split into heads: each (N, H, length, E/H)."""
        e, w, b = self.embed_dim, self.in_proj_weight, self.in_proj_bias

        def heads(t: Tensor, n: int, length: int) -> Tensor:
            return t.reshape(n, length, self.num_heads, self.head_dim).transpose(1, 2)
        if self_attention:  # one matrix product for the three projections
            n, length, _ = query.shape
            qkv = F.linear(query.reshape(n * length, e), w, b)
            return tuple(heads(qkv[:, i * e:(i + 1) * e], n, length) for i in range(3))
        return tuple(heads(F.linear(t.reshape(-1, e), w[i * e:(i + 1) * e],
                                    None if b is None else b[i * e:(i + 1) * e]), *t.shape[:2])
                     for i, t in enumerate((query, key, value)))

    def extra_repr(self) -> str:
        return f"embed_dim={self.embed_dim}, num_heads={self.num_heads}, batch_first={self.batch_first}"


def _additive_mask(attn_mask: Any, key_padding_mask: Any, heads: tuple) -> np.ndarray | None:
    """PyTorch's module masks as one float mask for the scores (N, H, L, S): 0 or −∞, or added values."""
    n, h, length, s = heads
    total = None
    for mask, shape in ((attn_mask, None), (key_padding_mask, (n, 1, 1, s))):
        if mask is None:
            continue
        m = np.asarray(mask.data if isinstance(mask, Tensor) else mask)
        m = np.where(m, -np.inf, 0.0) if m.dtype == bool else m.astype(np.float64)
        if shape is not None:
            if m.shape != (n, s):
                raise ValueError(f"MultiheadAttention: key_padding_mask must be (N, S) = {(n, s)}, "
                                 f"got {m.shape}")
            m = m.reshape(shape)
        elif m.shape == (n * h, length, s):
            m = m.reshape(heads)
        elif m.shape != (length, s):
            raise ValueError(f"MultiheadAttention: attn_mask must be (L, S) = {(length, s)} or "
                             f"(N·H, L, S) = {(n * h, length, s)}, got {m.shape}")
        total = m if total is None else total + m
    return total
