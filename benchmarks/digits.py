"""digits: test accuracy and training time of the book's digits MLP and CNN (8×8 images).

The models and their training are those of chapter 7 (MLP) and chapter 8 (CNN): stratified
80/20 split with seed 0, ``manual_seed(0)``, Adam, shuffled batches of 32, and the chapter's
epochs and learning rates. ``tests/test_digits_targets.py`` checks that the chapters still
contain the lines in ``BOOK`` and asserts the book's accuracies with these functions. The time
is the wall time of training alone: loading the data and testing are not counted.
"""

from __future__ import annotations

import time

TARGETS = {"MLP 64-256-256-10": (0.975, 5.0), "CNN conv16-conv32-pool-linear": (0.985, 30.0)}

# Lines of each chapter that fix what is trained here: if a chapter changes, so must this file.
BOOK = {
    "MLP 64-256-256-10": ("07-training-mlps.md", [
        "model = nn.MLP([64, 256, 256, 10])",
        "optimizer = optim.Adam(model.parameters(), lr=2e-3)",
        "loader = DataLoader(X_train, y_train, batch_size=32, shuffle=True, seed=0)",
        "for epoch in range(1, 21):"]),
    "CNN conv16-conv32-pool-linear": ("08-convolutional-networks.md", [
        "def cnn(dropout=0.25):",
        "nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(),",
        "nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(),",
        "nn.MaxPool2d(2),",
        "nn.Flatten(), nn.Dropout(dropout),",
        "nn.Linear(32 * 4 * 4, 10),",
        "loader = DataLoader(X_train, y_train, batch_size=32, shuffle=True, seed=0)",
        "lr_schedule = [(3e-3, 8), (1e-3, 4), (3e-4, 4)]",
        'optimizer.param_groups[0]["lr"] = lr']),
}


def models() -> dict:
    """name → (a function building the model, input shape of one image, [(learning rate, epochs)])."""
    import minigrad.nn as nn

    def mlp():
        return nn.MLP([64, 256, 256, 10])

    def cnn():
        return nn.Sequential(                                      # (N, 1, 8, 8)
            nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(),             # (N, 16, 8, 8)
            nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(),            # (N, 32, 8, 8)
            nn.MaxPool2d(2),                                       # (N, 32, 4, 4)
            nn.Flatten(), nn.Dropout(0.25), nn.Linear(32 * 4 * 4, 10))
    return {"MLP 64-256-256-10": (mlp, (64,), [(2e-3, 20)]),
            "CNN conv16-conv32-pool-linear": (cnn, (1, 8, 8), [(3e-3, 8), (1e-3, 4), (3e-4, 4)])}


def train_and_test(name: str) -> tuple[float, float]:
    """Train model ``name`` as the book does; return (test accuracy, seconds of training)."""
    import minigrad
    import minigrad.nn as nn
    import minigrad.optim as optim
    from minigrad.data import DataLoader, load_digits, train_test_split
    from minigrad.train import accuracy, fit, predict

    build, shape, schedule = models()[name]
    images, labels = load_digits()
    X_train, X_test, y_train, y_test = train_test_split(images, labels, test_size=0.2, seed=0,
                                                        stratify=True)
    X_train, X_test = X_train.reshape(-1, *shape), X_test.reshape(-1, *shape)
    minigrad.manual_seed(0)
    model = build()
    loss_fn, optimizer = nn.CrossEntropyLoss(), optim.Adam(model.parameters(), lr=schedule[0][0])
    loader = DataLoader(X_train, y_train, batch_size=32, shuffle=True, seed=0)
    start = time.perf_counter()
    for lr, epochs in schedule:
        optimizer.param_groups[0]["lr"] = lr
        fit(model, loss_fn, optimizer, loader, epochs, progress=False)
    seconds = time.perf_counter() - start
    return accuracy(predict(model, X_test), y_test), seconds


def run() -> tuple[list[dict], list[dict]]:
    rows, checks = [], []
    for name, (min_accuracy, max_seconds) in TARGETS.items():
        acc, seconds = train_and_test(name)
        rows.append({"benchmark": "digits", "impl": f"{name} (test accuracy {acc:.4f})",
                     "median_ms": 1e3 * seconds, "min_ms": 1e3 * seconds, "runs": 1,
                     "accuracy": acc, "seconds": seconds})
        checks.append({"target": f"digits: {name} ≥ {min_accuracy} test accuracy in < {max_seconds:.0f} s",
                       "value": f"{acc:.4f} in {seconds:.1f} s",
                       "met": acc >= min_accuracy and seconds < max_seconds})
    return rows, checks
