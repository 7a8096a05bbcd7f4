"""Wrong: applies the activation to the weighted sum and adds the bias afterwards."""

EXERCISE = "ch04.forward"


def forward(x, hidden_weights, hidden_biases, output_weights, output_bias, activation):
    hidden = [activation(sum(w * xi for w, xi in zip(ws, x))) + b
              for ws, b in zip(hidden_weights, hidden_biases)]
    return sum(v * h for v, h in zip(output_weights, hidden)) + output_bias
