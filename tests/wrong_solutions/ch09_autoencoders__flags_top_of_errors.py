"""Wrong: flags the largest false_alarms share of the errors checked, ignoring the normal ones."""

import math

import numpy as np

EXERCISE = "ch09.flag_anomalies"


def flag_anomalies(normal_errors, errors, false_alarms):
    if not 0 <= false_alarms < 1 or len(normal_errors) == 0:
        raise ValueError(f"flag_anomalies: false_alarms = {false_alarms}, normal_errors empty?")
    errors = np.asarray(errors)
    m = math.floor(false_alarms * len(errors))
    return errors > np.sort(errors)[::-1][m]
