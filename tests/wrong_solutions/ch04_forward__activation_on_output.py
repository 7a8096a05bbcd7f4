"""Wrong: passes the prediction through the activation too; the output neuron is linear."""

EXERCISE = "ch04.forward"


def forward(x, hidden_weights, hidden_biases, output_weights, output_bias, activation):
    hidden = [activation(sum(w * xi for w, xi in zip(ws, x)) + b)
              for ws, b in zip(hidden_weights, hidden_biases)]
    return activation(sum(v * h for v, h in zip(output_weights, hidden)) + output_bias)
