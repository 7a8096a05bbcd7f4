"""Wrong: returns each group's accuracy (the right predictions) instead of its error rate."""

import numpy as np

EXERCISE = "ch12.error_rates_by_group"


def error_rates_by_group(y_true, y_pred, groups):
    y_true, y_pred, groups = np.asarray(y_true), np.asarray(y_pred), np.asarray(groups)
    return {g.item(): float(np.mean(y_pred[groups == g] == y_true[groups == g]))
            for g in np.unique(groups)}
