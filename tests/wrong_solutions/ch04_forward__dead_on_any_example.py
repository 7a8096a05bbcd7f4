"""Wrong: a neuron switched off on *some* example counts as dead; dead means on every one."""

EXERCISE = "ch04.dead_neurons"


def dead_neurons(X, hidden_weights, hidden_biases):
    return [j for j, (ws, b) in enumerate(zip(hidden_weights, hidden_biases))
            if any(sum(w * xi for w, xi in zip(ws, x)) + b <= 0 for x in X)]
