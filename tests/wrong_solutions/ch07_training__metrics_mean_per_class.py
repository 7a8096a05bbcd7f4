"""Wrong: the accuracy is the mean of the per-class rates of correct answers (balanced accuracy)."""

import numpy as np

EXERCISE = "ch07.accuracy_and_confusion_matrix"


def accuracy_and_confusion_matrix(y_true, y_pred, num_classes):
    matrix = np.zeros((num_classes, num_classes), dtype=int)
    for t, p in zip(y_true, y_pred):
        matrix[t, p] += 1
    rows = matrix.sum(axis=1)
    seen = rows > 0
    return float(np.mean(np.diag(matrix)[seen] / rows[seen])), matrix
