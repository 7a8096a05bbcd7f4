"""Wrong for this exercise: lets minigrad's backward() find the gradients instead of applying
the delta rule (the grader switches backward() off)."""

from minigrad import Value

EXERCISE = "ch05.delta_rule"


def delta_rule(x, t, w_hidden, w_output, learning_rate):
    wh = [[Value(w) for w in row] for row in w_hidden]
    wo = [[Value(w) for w in row] for row in w_output]
    h = [sum((x[i] * wh[i][j] for i in range(len(x))), Value(0.0)).sigmoid()
         for j in range(len(w_output))]
    o = [sum((h[j] * wo[j][k] for j in range(len(h))), Value(0.0)).sigmoid()
         for k in range(len(t))]
    error = sum(((tk - ok) ** 2 for tk, ok in zip(t, o)), Value(0.0)) * 0.5
    error.backward()
    return ([[-learning_rate * w.grad for w in row] for row in wh],
            [[-learning_rate * w.grad for w in row] for row in wo])
