"""Wrong: the prediction is taken to be flat far to the left, as if every neuron were off there;
a neuron with a negative weight is on for every x left of its switch."""

EXERCISE = "ch04.relu_kinks"


def relu_kinks(weights, biases, output_weights):
    jumps = {}
    for w, b, v in zip(weights, biases, output_weights):
        if w != 0:
            jumps[-b / w] = jumps.get(-b / w, 0) + v * abs(w)
    kinks, slopes = [], [0.0]
    for x in sorted(jumps):
        if jumps[x] != 0:
            kinks.append(x)
            slopes.append(slopes[-1] + jumps[x])
    return kinks, slopes
