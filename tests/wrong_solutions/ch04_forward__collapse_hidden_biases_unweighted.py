"""Wrong: the hidden biases are added as they are, not weighed by the output weights."""

EXERCISE = "ch04.collapse_linear"


def collapse_linear(hidden_weights, hidden_biases, output_weights, output_bias):
    weights = [sum(v * w[i] for v, w in zip(output_weights, hidden_weights))
               for i in range(len(hidden_weights[0]))]
    return weights, sum(hidden_biases) + output_bias
