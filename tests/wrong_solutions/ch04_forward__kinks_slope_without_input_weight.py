"""Wrong: a neuron that is on adds its output weight v to the slope; it adds v times its input
weight w, since its output grows by w when x grows by 1."""

EXERCISE = "ch04.relu_kinks"


def relu_kinks(weights, biases, output_weights):
    switches = sorted({-b / w for w, b in zip(weights, biases) if w != 0})

    def slope(x):
        return sum(v for w, b, v in zip(weights, biases, output_weights) if w * x + b > 0)

    if not switches:
        return [], [slope(0.0)]
    inside = ([switches[0] - 1] + [(a + c) / 2 for a, c in zip(switches, switches[1:])]
              + [switches[-1] + 1])
    kinks, slopes = [], [slope(inside[0])]
    for x, point in zip(switches, inside[1:]):
        if slope(point) != slopes[-1]:
            kinks.append(x)
            slopes.append(slope(point))
    return kinks, slopes
