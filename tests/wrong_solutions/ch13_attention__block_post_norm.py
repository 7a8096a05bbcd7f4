"""Wrong: post-norm (the original 2017 order), normalising after each residual addition."""

import numpy as np

from exercises.solutions.ch13_attention import attention_mask, attention_weights, layer_norm  # right

EXERCISE = "ch13.transformer_block"


def transformer_block(x, p):
    causal = attention_mask(np.array([len(x)]), len(x))[0]
    a = attention_weights(x @ p["Wq"], x @ p["Wk"], causal) @ (x @ p["Wv"]) @ p["Wo"]
    x = layer_norm(x + a, p["ln1_weight"], p["ln1_bias"])
    m = np.maximum(x @ p["W1"] + p["b1"], 0) @ p["W2"] + p["b2"]
    return layer_norm(x + m, p["ln2_weight"], p["ln2_bias"])
