"""Wrong: the output layer applies tanh too, and its deltas carry tanh's derivative; the
output is linear."""

import math

EXERCISE = "ch05.deep_delta_rule"


def deep_delta_rule(x, y, weights, biases, learning_rate):
    outputs = [list(x)]
    for layer, (w, b) in enumerate(zip(weights, biases)):
        z = [sum(w_j[i] * h_i for i, h_i in enumerate(outputs[-1])) + b_j for w_j, b_j in zip(w, b)]
        outputs.append([math.tanh(v) for v in z])
    delta = [(1 - o ** 2) * (y_k - o) for y_k, o in zip(y, outputs[-1])]
    dweights, dbiases = [], []
    for layer in reversed(range(len(weights))):
        h = outputs[layer]
        dweights.insert(0, [[learning_rate * d * h_i for h_i in h] for d in delta])
        dbiases.insert(0, [learning_rate * d for d in delta])
        if layer > 0:
            w = weights[layer]
            delta = [(1 - a ** 2) * sum(w[j][i] * d for j, d in enumerate(delta))
                     for i, a in enumerate(h)]
    return dweights, dbiases
