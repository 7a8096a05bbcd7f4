"""Wrong: every neuron switches at x = -b / w, also one whose input weight is 0 (the division
fails); its net input is its bias for every x, so it never switches and bends nothing."""

EXERCISE = "ch04.relu_kinks"


def relu_kinks(weights, biases, output_weights):
    switches = sorted({-b / w for w, b in zip(weights, biases)})

    def slope(x):
        return sum(v * w for w, b, v in zip(weights, biases, output_weights) if w * x + b > 0)

    inside = ([switches[0] - 1] + [(a + c) / 2 for a, c in zip(switches, switches[1:])]
              + [switches[-1] + 1])
    kinks, slopes = [], [slope(inside[0])]
    for x, point in zip(switches, inside[1:]):
        if slope(point) != slopes[-1]:
            kinks.append(x)
            slopes.append(slope(point))
    return kinks, slopes
