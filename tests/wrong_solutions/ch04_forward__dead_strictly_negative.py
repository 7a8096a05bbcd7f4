"""Wrong: a neuron counts as dead only when its net input is strictly negative, but ReLU(0) = 0."""

EXERCISE = "ch04.dead_neurons"


def dead_neurons(X, hidden_weights, hidden_biases):
    return [j for j, (ws, b) in enumerate(zip(hidden_weights, hidden_biases))
            if all(sum(w * xi for w, xi in zip(ws, x)) + b < 0 for x in X)]
