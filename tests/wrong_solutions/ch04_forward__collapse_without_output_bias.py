"""Wrong: the output neuron's own bias is left out of the collapsed bias."""

EXERCISE = "ch04.collapse_linear"


def collapse_linear(hidden_weights, hidden_biases, output_weights, output_bias):
    weights = [sum(v * w[i] for v, w in zip(output_weights, hidden_weights))
               for i in range(len(hidden_weights[0]))]
    return weights, sum(v * b for v, b in zip(output_weights, hidden_biases))
