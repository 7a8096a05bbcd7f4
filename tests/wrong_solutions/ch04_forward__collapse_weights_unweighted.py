"""Wrong: each input's weights are summed over the hidden neurons without the output weights."""

EXERCISE = "ch04.collapse_linear"


def collapse_linear(hidden_weights, hidden_biases, output_weights, output_bias):
    weights = [sum(w[i] for w in hidden_weights) for i in range(len(hidden_weights[0]))]
    bias = sum(v * b for v, b in zip(output_weights, hidden_biases)) + output_bias
    return weights, bias
