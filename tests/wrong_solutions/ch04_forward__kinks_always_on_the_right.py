"""Wrong: every neuron is on to the right of its switch; one with a negative weight is on to the
left of it."""

EXERCISE = "ch04.relu_kinks"


def relu_kinks(weights, biases, output_weights):
    jumps = {}
    for w, b, v in zip(weights, biases, output_weights):
        if w != 0:
            jumps[-b / w] = jumps.get(-b / w, 0) + v * w
    kinks, slopes = [], [0.0]
    for x in sorted(jumps):
        if jumps[x] != 0:
            kinks.append(x)
            slopes.append(slopes[-1] + jumps[x])
    return kinks, slopes
