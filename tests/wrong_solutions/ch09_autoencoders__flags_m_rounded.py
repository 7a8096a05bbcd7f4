"""Wrong: rounds false_alarms · N to the nearest whole number instead of down."""

import numpy as np

EXERCISE = "ch09.flag_anomalies"


def flag_anomalies(normal_errors, errors, false_alarms):
    if not 0 <= false_alarms < 1 or len(normal_errors) == 0:
        raise ValueError(f"flag_anomalies: false_alarms = {false_alarms}, normal_errors empty?")
    m = min(round(false_alarms * len(normal_errors)), len(normal_errors) - 1)
    return np.asarray(errors) > np.sort(normal_errors)[::-1][m]
