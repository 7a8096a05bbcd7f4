"""Wrong: gives every group the overall error rate, which is exactly what hides the problem."""

import numpy as np

EXERCISE = "ch12.error_rates_by_group"


def error_rates_by_group(y_true, y_pred, groups):
    overall = float(np.mean(np.asarray(y_pred) != np.asarray(y_true)))
    return {g.item(): overall for g in np.unique(np.asarray(groups))}
