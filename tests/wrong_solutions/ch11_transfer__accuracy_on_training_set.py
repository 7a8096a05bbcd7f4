"""Wrong: measures each predictor on the examples it was trained on, not on the test set."""

import numpy as np

EXERCISE = "ch11.compare"


def compare(trainers, X_pool, y_pool, X_test, y_test, labels_per_class):
    results = {name: [] for name in trainers}
    for n in labels_per_class:
        keep = np.concatenate([np.flatnonzero(y_pool == c)[:n] for c in np.unique(y_pool)])
        for name, trainer in trainers.items():
            predict = trainer(X_pool[keep], y_pool[keep])
            results[name].append(float(np.mean(predict(X_pool[keep]) == y_pool[keep])))
    return results
