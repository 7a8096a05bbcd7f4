"""Wrong: never refuses a rate outside [0, 1): a rate of 1 or more silently flags nothing."""

import math

import numpy as np

EXERCISE = "ch09.flag_anomalies"


def flag_anomalies(normal_errors, errors, false_alarms):
    if len(normal_errors) == 0:
        raise ValueError("flag_anomalies: normal_errors is empty")
    m = min(math.floor(false_alarms * len(normal_errors)), len(normal_errors) - 1)
    return np.asarray(errors) > np.sort(normal_errors)[::-1][max(m, 0)]
