"""Cheat: keeps minigrad's accuracy in a registry of metrics of its own, made when the file is
loaded (a dict holds the function object, so switching off the name alone would not stop it)."""

import numpy as np

import minigrad.train

METRICS = {"accuracy": minigrad.train.accuracy}

EXERCISE = "ch07.accuracy_and_confusion_matrix"


def accuracy_and_confusion_matrix(y_true, y_pred, num_classes):
    matrix = np.zeros((num_classes, num_classes), dtype=np.int64)
    np.add.at(matrix, (np.asarray(y_true), np.asarray(y_pred)), 1)
    return float(METRICS["accuracy"](np.asarray(y_pred), np.asarray(y_true))), matrix
