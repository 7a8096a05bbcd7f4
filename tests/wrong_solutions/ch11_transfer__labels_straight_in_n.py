"""Wrong: draws the straight lines between measured points on a linear n axis, not a log one."""

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
                needed.append(float(counts[k] + t * (counts[k + 1] - counts[k])))
                break
        else:
            needed.append(None)
    return needed
