"""Wrong: sends the deltas back one layer only, as in the chapter's network with one hidden
layer; the hidden layers before the last get no change, where each should get its deltas
from the layer just after it."""

import math

EXERCISE = "ch05.deep_delta_rule"


def deep_delta_rule(x, y, weights, biases, learning_rate):
    outputs = [list(x)]
    for layer, (w, b) in enumerate(zip(weights, biases)):
        z = [sum(w_j[i] * h_i for i, h_i in enumerate(outputs[-1])) + b_j for w_j, b_j in zip(w, b)]
        outputs.append(z if layer == len(weights) - 1 else [math.tanh(v) for v in z])
    delta = [y_k - o for y_k, o in zip(y, outputs[-1])]
    dweights, dbiases = [], []
    for layer in reversed(range(len(weights))):
        h = outputs[layer]
        dweights.insert(0, [[learning_rate * d * h_i for h_i in h] for d in delta])
        dbiases.insert(0, [learning_rate * d for d in delta])
        if layer == len(weights) - 1 and layer > 0:
            w = weights[layer]
            delta = [(1 - a ** 2) * sum(w[j][i] * d for j, d in enumerate(delta))
                     for i, a in enumerate(h)]
        else:
            delta = [0.0 for _ in h]
    return dweights, dbiases
