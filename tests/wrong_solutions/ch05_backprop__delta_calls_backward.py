"""Wrong for this exercise: lets minigrad's backward() find the gradients instead of applying
the delta rule (the grader switches backward() off)."""

from minigrad import Value

EXERCISE = "ch05.delta_rule"


def delta_rule(x, y, w_hidden, w_output, learning_rate):
    wh = [[Value(w) for w in row] for row in w_hidden]
    wo = [[Value(w) for w in row] for row in w_output]
    h = [sum((row[i] * x[i] for i in range(len(x))), Value(0.0)).sigmoid() for row in wh]
    o = [sum((row[j] * h[j] for j in range(len(h))), Value(0.0)).sigmoid() for row in wo]
    loss = sum(((yk - ok) ** 2 for yk, ok in zip(y, o)), Value(0.0)) * 0.5
    loss.backward()
    return ([[-learning_rate * w.grad for w in row] for row in wh],
            [[-learning_rate * w.grad for w in row] for row in wo])
