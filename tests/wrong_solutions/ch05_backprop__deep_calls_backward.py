"""Wrong for this exercise: lets minigrad's backward() find the gradients instead of applying
the delta rule (the grader switches backward() off)."""

from minigrad import Value

EXERCISE = "ch05.deep_delta_rule"


def deep_delta_rule(x, y, weights, biases, learning_rate):
    ws = [[[Value(w) for w in row] for row in layer] for layer in weights]
    bs = [[Value(b) for b in layer] for layer in biases]
    h = [Value(v) for v in x]
    for layer, (w, b) in enumerate(zip(ws, bs)):
        z = [sum((row[i] * h[i] for i in range(len(h))), b_j) for row, b_j in zip(w, b)]
        h = z if layer == len(ws) - 1 else [v.tanh() for v in z]
    loss = sum(((y_k - o) ** 2 for y_k, o in zip(y, h)), Value(0.0)) * 0.5
    loss.backward()
    return ([[[-learning_rate * w.grad for w in row] for row in layer] for layer in ws],
            [[-learning_rate * b.grad for b in layer] for layer in bs])
