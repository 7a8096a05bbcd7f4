"""Wrong: the attention has no mask, so every position reads the future too."""

import numpy as np

from exercises.solutions.ch13_attention import attention_weights, layer_norm  # right

EXERCISE = "ch13.transformer_block"


def transformer_block(x, p):
    h = layer_norm(x, p["ln1_weight"], p["ln1_bias"])
    x = x + attention_weights(h @ p["Wq"], h @ p["Wk"]) @ (h @ p["Wv"]) @ p["Wo"]
    h = layer_norm(x, p["ln2_weight"], p["ln2_bias"])
    return x + np.maximum(h @ p["W1"] + p["b1"], 0) @ p["W2"] + p["b2"]
