"""Reference solutions for chapter 13 (exercises/ch13_attention.py)."""

from __future__ import annotations

import math

import numpy as np


def attention_mask(lengths: np.ndarray, size: int) -> np.ndarray:
    """The (N, size, size) mask of a padded batch: [seq, i, j] is j ≤ i and j < lengths[seq]."""
    lengths = np.asarray(lengths)
    wrong = lengths[(lengths < 1) | (lengths > size)]
    if wrong.size:
        raise ValueError(f"attention_mask: each length must be from 1 to size = {size}, "
                         f"got {wrong.tolist()}")
    causal = np.tril(np.ones((size, size), dtype=bool))      # (size, size): [i, j] is j <= i
    real_keys = np.arange(size) < lengths[:, None]    # (N, size): [seq, j] is j < lengths[seq]
    # Padded queries too read every real key: key 0 always is one, so no row is all False.
    return causal & real_keys[:, None, :]


def attention_weights(q: np.ndarray, k: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
    scores = q @ k.T / math.sqrt(q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def limit_weights(scores: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """As κ → 0 every allowed score tends to 0: equal weights on the allowed keys. As κ → +∞
    a key below the row's top allowed score gets e^(κ (s − top)) → 0 relative to the top ones,
    which keep equal shares."""
    flat = mask / mask.sum(axis=-1, keepdims=True)
    top = np.where(mask, scores, -np.inf).max(axis=-1, keepdims=True)
    best = mask & (scores == top)
    return flat, best / best.sum(axis=-1, keepdims=True)


def layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float = 1e-5) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = x.var(axis=-1, keepdims=True)
    return weight * (x - mean) / np.sqrt(var + eps) + bias


def rescaled_layer_norm(y: np.ndarray, weight: np.ndarray, bias: np.ndarray, m: float,
                        u: float) -> np.ndarray:
    """m · x + u has mean m μ + u and standard deviation |m| σ: the standardised row is
    (m / |m|) (x − μ) / σ, the same for m > 0, reversed for m < 0; u is gone either way."""
    return bias + np.sign(m) * (y - bias)


def block_step(x_t: np.ndarray, cache: dict[str, np.ndarray],
               p: dict[str, np.ndarray]) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Row t of the block from x_t alone: no later token changes an earlier row, so the earlier
    tokens are needed only through their keys and values."""
    h = layer_norm(x_t, p["ln1_weight"], p["ln1_bias"])
    cache = {"k": np.vstack([cache["k"], h @ p["Wk"]]),        # new arrays: the given cache
             "v": np.vstack([cache["v"], h @ p["Wv"]])}        # stays as it was
    # The last row of the causal mask is all True: the newest query reads every key, its own too.
    weights = attention_weights((h @ p["Wq"])[None, :], cache["k"])        # (1, t + 1)
    x = x_t + (weights @ cache["v"])[0] @ p["Wo"]
    h = layer_norm(x, p["ln2_weight"], p["ln2_bias"])                      # each token on its own
    return x + np.maximum(h @ p["W1"] + p["b1"], 0) @ p["W2"] + p["b2"], cache


def sample(logits: np.ndarray, temperature: float, rng: np.random.Generator,
           top_k: int | None = None) -> int:
    if temperature == 0:
        return int(np.argmax(logits))
    scaled = logits / temperature
    if top_k is not None:             # the others get e^(-inf) = 0, as the causal mask does
        scaled = np.where(scaled >= np.sort(scaled)[-top_k], scaled, -np.inf)
    probs = np.exp(scaled - scaled.max())
    return int(rng.choice(len(logits), p=probs / probs.sum()))


def warmup_cosine(step: int, total_steps: int, warmup_steps: int, peak_lr: float,
                  min_lr: float = 0.0) -> float:
    """The rate at ``step``: a straight line up to peak_lr, then half a cosine towards min_lr."""
    if step < warmup_steps:   # the line through 0 at step -1 and peak_lr at step warmup_steps - 1
        return peak_lr * (step + 1) / warmup_steps
    t = (step - warmup_steps) / (total_steps - warmup_steps)   # 0 at the top, 1 at total_steps
    return min_lr + (peak_lr - min_lr) * (1 + math.cos(math.pi * t)) / 2   # cos from 1 to -1


def peak_weight(d: int, seed: int, scaled: bool = True, T: int = 16) -> float:
    rng = np.random.default_rng(seed)
    q = rng.standard_normal((T, d))
    k = rng.standard_normal((T, d))
    if not scaled:                     # attention_weights divides by √d: undo it on the queries
        q = q * math.sqrt(d)
    return float(attention_weights(q, k).max(axis=-1).mean())
