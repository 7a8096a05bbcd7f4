"""Wrong: sorts the caller's normal_errors in place."""

import math

import numpy as np

EXERCISE = "ch09.flag_anomalies"


def flag_anomalies(normal_errors, errors, false_alarms):
    if not 0 <= false_alarms < 1 or len(normal_errors) == 0:
        raise ValueError(f"flag_anomalies: false_alarms = {false_alarms}, normal_errors empty?")
    m = math.floor(false_alarms * len(normal_errors))
    normal_errors.sort()
    return np.asarray(errors) > normal_errors[len(normal_errors) - 1 - m]
