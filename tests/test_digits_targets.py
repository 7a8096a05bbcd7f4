"""The issue's targets on the 8x8 digits (stratified 80/20 split, seed 0), with fixed seeds.

MLP >= 0.97 test accuracy, a small CNN >= 0.98, and an autoencoder with a 2-D code whose
reconstruction error is printed next to PCA's with two components (run ``pytest -s`` to see
the numbers and the training times).
"""

import sys
from pathlib import Path

import numpy as np
import pytest

import minigrad
import minigrad.nn as nn
import minigrad.optim as optim
from minigrad.data import DataLoader, load_digits, train_test_split
from minigrad.train import fit, predict

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # `benchmarks` is not installed

from benchmarks.digits import BOOK, train_and_test  # noqa: E402  (the book's digits models)

CHAPTERS = Path(__file__).resolve().parent.parent / "book" / "chapters"


@pytest.fixture(scope="module")
def digits():
    images, labels = load_digits()
    return train_test_split(images, labels, test_size=0.2, seed=0, stratify=True)


@pytest.mark.parametrize("name", BOOK)
def test_the_benchmark_trains_the_books_models(name):
    chapter, lines = BOOK[name]
    source = (CHAPTERS / chapter).read_text(encoding="utf-8")
    missing = [line for line in lines if line not in source]
    assert not missing, f"{chapter} no longer contains {missing}: update benchmarks/digits.py"


@pytest.mark.parametrize("name,target", [("MLP 64-256-256-10", 0.97),
                                         ("CNN conv16-conv32-pool-linear", 0.98)])
def test_digits_models_reach_their_targets(name, target):
    acc, seconds = train_and_test(name)
    print(f"\n{name}: test accuracy {acc:.4f}, trained in {seconds:.1f} s")
    assert acc >= target


def test_autoencoder_with_a_2d_code_is_reported_next_to_pca(digits):
    X_train, X_test, _, _ = digits
    X_train, X_test = X_train.reshape(-1, 64), X_test.reshape(-1, 64)
    minigrad.manual_seed(0)
    model = nn.Autoencoder(nn.MLP([64, 128, 32, 2]),
                           nn.MLP([2, 32, 128, 64], output_activation="sigmoid"))
    history = fit(model, nn.MSELoss(), optim.Adam(model.parameters(), lr=3e-3),
                  DataLoader(X_train, X_train, batch_size=32, shuffle=True, seed=0), epochs=30,
                  metrics=(), progress=False)
    autoencoder_mse = float(np.mean((predict(model, X_test) - X_test) ** 2))
    # PCA: project onto the two directions of largest variance of the training images.
    mean = X_train.mean(axis=0)
    top2 = np.linalg.svd(X_train - mean, full_matrices=False)[2][:2].T      # (64, 2)
    pca_mse = float(np.mean(((X_test - mean) @ top2 @ top2.T + mean - X_test) ** 2))
    print(f"\nreconstruction MSE on the test digits, 2-D code: autoencoder {autoencoder_mse:.4f}, "
          f"PCA {pca_mse:.4f}")
    assert predict(model.encoder, X_test).shape == (len(X_test), 2)
    assert history.history["loss"][-1] < 0.6 * history.history["loss"][0]
