"""Wrong: post-norm (the original 2017 order), normalising after each residual addition."""

import numpy as np

from exercises.solutions.ch13_attention import attention_weights, layer_norm  # right

EXERCISE = "ch13.block_step"


def block_step(x_t, cache, p):
    cache = {"k": np.vstack([cache["k"], x_t @ p["Wk"]]), "v": np.vstack([cache["v"], x_t @ p["Wv"]])}
    weights = attention_weights((x_t @ p["Wq"])[None, :], cache["k"])
    x = layer_norm(x_t + (weights @ cache["v"])[0] @ p["Wo"], p["ln1_weight"], p["ln1_bias"])
    m = np.maximum(x @ p["W1"] + p["b1"], 0) @ p["W2"] + p["b2"]
    return layer_norm(x + m, p["ln2_weight"], p["ln2_bias"]), cache
