"""Wrong: post-norm (the original 2017 order), normalising after each residual addition."""

import math

import numpy as np

EXERCISE = "ch13.transformer_block"


def causal_mask(size):
    return np.tril(np.ones((size, size), dtype=bool))


def attention_weights(q, k, mask=None):
    scores = q @ k.T / math.sqrt(q.shape[-1])
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def layer_norm(x, weight, bias, eps=1e-5):
    return weight * (x - x.mean(axis=-1, keepdims=True)) / np.sqrt(x.var(axis=-1, keepdims=True) + eps) + bias


def transformer_block(x, p):
    a = attention_weights(x @ p["Wq"], x @ p["Wk"], causal_mask(len(x))) @ (x @ p["Wv"]) @ p["Wo"]
    x = layer_norm(x + a, p["ln1_weight"], p["ln1_bias"])
    m = np.maximum(x @ p["W1"] + p["b1"], 0) @ p["W2"] + p["b2"]
    return layer_norm(x + m, p["ln2_weight"], p["ln2_bias"])
