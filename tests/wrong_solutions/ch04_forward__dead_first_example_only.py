"""Wrong: only the first example is checked."""

EXERCISE = "ch04.dead_neurons"


def dead_neurons(X, hidden_weights, hidden_biases):
    return [j for j, (ws, b) in enumerate(zip(hidden_weights, hidden_biases))
            if sum(w * xi for w, xi in zip(ws, X[0])) + b <= 0]
