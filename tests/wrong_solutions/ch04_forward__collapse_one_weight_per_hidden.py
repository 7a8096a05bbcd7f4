"""Wrong: one weight per hidden neuron (a sum over the inputs) instead of one per input."""

EXERCISE = "ch04.collapse_linear"


def collapse_linear(hidden_weights, hidden_biases, output_weights, output_bias):
    weights = [v * sum(w) for v, w in zip(output_weights, hidden_weights)]
    bias = sum(v * b for v, b in zip(output_weights, hidden_biases)) + output_bias
    return weights, bias
