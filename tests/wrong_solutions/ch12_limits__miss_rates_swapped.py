"""Wrong: returns the pair in the wrong order, (false-positive rate, false-negative rate)."""

import numpy as np

EXERCISE = "ch12.miss_rates_by_group"


def miss_rates_by_group(y_true, y_pred, groups, positive=1):
    y_true, y_pred, groups = np.asarray(y_true), np.asarray(y_pred), np.asarray(groups)
    sick, flagged = y_true == positive, y_pred == positive
    rates = {}
    for group in np.unique(groups):
        members = groups == group
        missed, alarms = ~flagged[members & sick], flagged[members & ~sick]
        rates[group.item()] = tuple(float(np.mean(e)) if e.size else None
                                    for e in (alarms, missed))
    return rates
