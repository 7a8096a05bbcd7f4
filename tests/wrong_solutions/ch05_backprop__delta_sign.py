"""Wrong: the output error is (y_hat - y) instead of (y - y_hat), so every change has the wrong
sign."""

import math

EXERCISE = "ch05.delta_rule"


def delta_rule(x, y, w_hidden, w_output, learning_rate):
    f = lambda z: 1 / (1 + math.exp(-z))  # noqa: E731
    h = [f(sum(row[i] * x[i] for i in range(len(x)))) for row in w_hidden]
    o = [f(sum(row[j] * h[j] for j in range(len(h)))) for row in w_output]
    d_out = [o[k] * (1 - o[k]) * (o[k] - y[k]) for k in range(len(y))]
    d_hid = [h[j] * (1 - h[j]) * sum(w_output[k][j] * d_out[k] for k in range(len(y)))
             for j in range(len(h))]
    return ([[learning_rate * d_hid[j] * x[i] for i in range(len(x))] for j in range(len(h))],
            [[learning_rate * d_out[k] * h[j] for j in range(len(h))] for k in range(len(y))])
