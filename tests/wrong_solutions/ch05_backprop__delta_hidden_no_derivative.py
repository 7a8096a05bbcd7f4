"""Wrong: the hidden deltas forget the factor f'(net_j) of their own sigmoid."""

import math

EXERCISE = "ch05.delta_rule"


def delta_rule(x, t, w_hidden, w_output, learning_rate):
    f = lambda z: 1 / (1 + math.exp(-z))  # noqa: E731
    h = [f(sum(x[i] * w_hidden[i][j] for i in range(len(x)))) for j in range(len(w_output))]
    o = [f(sum(h[j] * w_output[j][k] for j in range(len(h)))) for k in range(len(t))]
    d_out = [o[k] * (1 - o[k]) * (t[k] - o[k]) for k in range(len(t))]
    d_hid = [sum(d_out[k] * w_output[j][k] for k in range(len(t))) for j in range(len(h))]
    return ([[learning_rate * x[i] * d_hid[j] for j in range(len(h))] for i in range(len(x))],
            [[learning_rate * h[j] * d_out[k] for k in range(len(t))] for j in range(len(h))])
