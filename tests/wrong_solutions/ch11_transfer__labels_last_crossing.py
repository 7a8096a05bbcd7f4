"""Wrong: reads the curve from the right, so a dip gives the last crossing, not the first."""

EXERCISE = "ch11.equivalent_labels"


def equivalent_labels(counts, acc_scratch, acc_transfer):
    needed = []
    for target in acc_transfer:
        m = float(counts[0]) if acc_scratch[0] >= target else None
        for k in range(len(counts) - 1):
            if acc_scratch[k] < target <= acc_scratch[k + 1]:
                t = (target - acc_scratch[k]) / (acc_scratch[k + 1] - acc_scratch[k])
                m = float(counts[k] * (counts[k + 1] / counts[k]) ** t)
        needed.append(m)
    return needed
