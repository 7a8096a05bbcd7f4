"""Wrong: counts every mistake on a negative example as a false alarm, even one predicted as
another negative label (right only with two labels)."""

import numpy as np

EXERCISE = "ch12.miss_rates_by_group"


def miss_rates_by_group(y_true, y_pred, groups, positive=1):
    y_true, y_pred, groups = np.asarray(y_true), np.asarray(y_pred), np.asarray(groups)
    sick, wrong = y_true == positive, y_pred != y_true
    rates = {}
    for group in np.unique(groups):
        members = groups == group
        missed, alarms = wrong[members & sick], wrong[members & ~sick]
        rates[group.item()] = tuple(float(np.mean(e)) if e.size else None
                                    for e in (missed, alarms))
    return rates
