"""Wrong: sizes the matrix from the largest class seen, ignoring num_classes."""

import numpy as np

EXERCISE = "ch07.accuracy_and_confusion_matrix"


def accuracy_and_confusion_matrix(y_true, y_pred, num_classes):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    n = max(y_true.max(), y_pred.max()) + 1
    matrix = np.zeros((n, n), dtype=int)
    np.add.at(matrix, (y_true, y_pred), 1)
    return float(np.mean(y_true == y_pred)), matrix
