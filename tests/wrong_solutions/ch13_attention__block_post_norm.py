"""Wrong: post-norm (the original 2017 order), normalising after each residual addition."""

import numpy as np

from exercises.solutions.ch13_attention import attention_weights, causal_mask, layer_norm  # right

EXERCISE = "ch13.transformer_block"


def transformer_block(x, p):
    a = attention_weights(x @ p["Wq"], x @ p["Wk"], causal_mask(len(x))) @ (x @ p["Wv"]) @ p["Wo"]
    x = layer_norm(x + a, p["ln1_weight"], p["ln1_bias"])
    m = np.maximum(x @ p["W1"] + p["b1"], 0) @ p["W2"] + p["b2"]
    return layer_norm(x + m, p["ln2_weight"], p["ln2_bias"])
