"""Wrong: the bias is left out of the net input."""

EXERCISE = "ch04.dead_neurons"


def dead_neurons(X, hidden_weights, hidden_biases):
    return [j for j, ws in enumerate(hidden_weights)
            if all(sum(w * xi for w, xi in zip(ws, x)) <= 0 for x in X)]
