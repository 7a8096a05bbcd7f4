"""Wrong: the MLP reads x instead of its layer-normalised copy (the second norm forgotten)."""

import numpy as np

from exercises.solutions.ch13_attention import attention_mask, attention_weights, layer_norm  # right

EXERCISE = "ch13.transformer_block"


def transformer_block(x, p):
    causal = attention_mask(np.array([len(x)]), len(x))[0]
    h = layer_norm(x, p["ln1_weight"], p["ln1_bias"])
    x = x + attention_weights(h @ p["Wq"], h @ p["Wk"], causal) @ (h @ p["Wv"]) @ p["Wo"]
    return x + np.maximum(x @ p["W1"] + p["b1"], 0) @ p["W2"] + p["b2"]
