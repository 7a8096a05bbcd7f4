"""Cheat: keeps the tokens themselves in the cache and runs the whole block again at every
step, so each step costs as much as the whole sequence."""

import numpy as np

from exercises.solutions.ch13_attention import attention_mask, attention_weights, layer_norm

EXERCISE = "ch13.block_step"


def block_step(x_t, cache, p):
    x = np.vstack([cache.get("x", np.zeros((0, len(x_t)))), x_t])
    h = layer_norm(x, p["ln1_weight"], p["ln1_bias"])
    k, v = h @ p["Wk"], h @ p["Wv"]
    x = x + attention_weights(h @ p["Wq"], k, attention_mask(np.array([len(x)]), len(x))[0]) @ v @ p["Wo"]
    h = layer_norm(x, p["ln2_weight"], p["ln2_bias"])
    y = x + np.maximum(h @ p["W1"] + p["b1"], 0) @ p["W2"] + p["b2"]
    return y[-1], {"k": k, "v": v, "x": np.vstack([cache.get("x", np.zeros((0, len(x_t)))), x_t])}
