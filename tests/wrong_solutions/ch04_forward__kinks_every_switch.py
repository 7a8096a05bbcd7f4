"""Wrong: every neuron's switch is a kink; not where two neurons switch at the same x, nor where
their changes of slope cancel out (ReLU(x) - ReLU(-x) = x is straight)."""

EXERCISE = "ch04.relu_kinks"


def relu_kinks(weights, biases, output_weights):
    switches = sorted(-b / w for w, b in zip(weights, biases) if w != 0)

    def slope(x):
        return sum(v * w for w, b, v in zip(weights, biases, output_weights) if w * x + b > 0)

    if not switches:
        return [], [slope(0.0)]
    inside = ([switches[0] - 1] + [(a + c) / 2 for a, c in zip(switches, switches[1:])]
              + [switches[-1] + 1])
    return switches, [slope(x) for x in inside]
