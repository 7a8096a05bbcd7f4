"""Wrong: scaled=False still divides the scores by √d."""

import math

import numpy as np

EXERCISE = "ch13.peak_weight"


def attention_weights(q, k, mask=None):
    scores = q @ k.T / math.sqrt(q.shape[-1])
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def peak_weight(d, seed, scaled=True, T=16):
    rng = np.random.default_rng(seed)
    q = rng.standard_normal((T, d))
    k = rng.standard_normal((T, d))
    return float(attention_weights(q, k).max(axis=-1).mean())
