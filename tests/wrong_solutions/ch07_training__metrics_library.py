"""Wrong: calls minigrad.train's accuracy and confusion_matrix (the grader switches them off)."""

import numpy as np

from minigrad.train import accuracy, confusion_matrix

EXERCISE = "ch07.accuracy_and_confusion_matrix"


def accuracy_and_confusion_matrix(y_true, y_pred, num_classes):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    return accuracy(y_pred, y_true), confusion_matrix(y_true, y_pred, num_classes)
