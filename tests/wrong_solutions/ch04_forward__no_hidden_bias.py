"""Wrong: forgets the biases of the hidden neurons (only the output bias is added)."""

EXERCISE = "ch04.forward"


def forward(x, hidden_weights, hidden_biases, output_weights, output_bias, activation):
    hidden = [activation(sum(w * xi for w, xi in zip(ws, x))) for ws in hidden_weights]
    return sum(v * h for v, h in zip(output_weights, hidden)) + output_bias
