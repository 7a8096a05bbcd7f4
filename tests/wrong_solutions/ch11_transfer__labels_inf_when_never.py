"""Wrong: answers inf, not None, when the scratch curve never reaches the accuracy."""

import math

EXERCISE = "ch11.equivalent_labels"


def equivalent_labels(counts, acc_scratch, acc_transfer):
    needed = []
    for target in acc_transfer:
        if acc_scratch[0] >= target:
            needed.append(float(counts[0]))
            continue
        for k in range(len(counts) - 1):
            if acc_scratch[k + 1] >= target:
                t = (target - acc_scratch[k]) / (acc_scratch[k + 1] - acc_scratch[k])
                needed.append(float(counts[k] * (counts[k + 1] / counts[k]) ** t))
                break
        else:
            needed.append(math.inf)
    return needed
