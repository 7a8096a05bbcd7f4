"""Wrong: answers the first measured count that reaches the accuracy, without interpolating."""

EXERCISE = "ch11.equivalent_labels"


def equivalent_labels(counts, acc_scratch, acc_transfer):
    needed = []
    for target in acc_transfer:
        reached = [n for n, accuracy in zip(counts, acc_scratch) if accuracy >= target]
        needed.append(float(reached[0]) if reached else None)
    return needed
