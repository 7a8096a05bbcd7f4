"""Wrong: divides each group's missed positives and false alarms by the size of the group."""

import numpy as np

EXERCISE = "ch12.miss_rates_by_group"


def miss_rates_by_group(y_true, y_pred, groups, positive=1):
    y_true, y_pred, groups = np.asarray(y_true), np.asarray(y_pred), np.asarray(groups)
    sick, flagged = y_true == positive, y_pred == positive
    rates = {}
    for group in np.unique(groups):
        members = groups == group
        size = members.sum()
        rates[group.item()] = (float((members & sick & ~flagged).sum() / size),
                               float((members & ~sick & flagged).sum() / size))
    return rates
