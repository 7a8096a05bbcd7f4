"""Cheat: a cache of keys and values only, but the tokens kept aside in a module-level dict,
found again from the cache it returned, to run the whole block again at every step."""

import numpy as np

from exercises.solutions.ch13_attention import attention_mask, attention_weights, layer_norm

EXERCISE = "ch13.block_step"

TOKENS = {}   # id of a returned cache's "k" -> the tokens it was built from


def block_step(x_t, cache, p):
    x = np.vstack([TOKENS.get(id(cache["k"]), np.zeros((0, len(x_t)))), x_t])
    tokens = x
    h = layer_norm(x, p["ln1_weight"], p["ln1_bias"])
    k, v = h @ p["Wk"], h @ p["Wv"]
    x = x + attention_weights(h @ p["Wq"], k, attention_mask(np.array([len(x)]), len(x))[0]) @ v @ p["Wo"]
    h = layer_norm(x, p["ln2_weight"], p["ln2_bias"])
    y = x + np.maximum(h @ p["W1"] + p["b1"], 0) @ p["W2"] + p["b2"]
    TOKENS[id(k)] = tokens
    return y[-1], {"k": k, "v": v}
