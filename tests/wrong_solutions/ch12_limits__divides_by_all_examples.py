"""Wrong: divides each group's number of errors by the number of ALL examples."""

import numpy as np

EXERCISE = "ch12.error_rates_by_group"


def error_rates_by_group(y_true, y_pred, groups):
    y_true, y_pred, groups = np.asarray(y_true), np.asarray(y_pred), np.asarray(groups)
    return {g.item(): float(np.sum((groups == g) & (y_pred != y_true)) / len(groups))
            for g in np.unique(groups)}
