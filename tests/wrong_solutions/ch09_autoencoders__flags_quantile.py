"""Wrong: takes numpy's interpolated quantile 1 - false_alarms as the threshold, not a normal error."""

import numpy as np

EXERCISE = "ch09.flag_anomalies"


def flag_anomalies(normal_errors, errors, false_alarms):
    if not 0 <= false_alarms < 1 or len(normal_errors) == 0:
        raise ValueError(f"flag_anomalies: false_alarms = {false_alarms}, normal_errors empty?")
    return np.asarray(errors) > np.quantile(normal_errors, 1 - false_alarms)
