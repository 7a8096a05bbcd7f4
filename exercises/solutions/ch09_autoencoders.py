"""Chapter 9 exercises: reference solutions (the book shows them in a collapsed dropdown)."""

from __future__ import annotations

import numpy as np

import minigrad.nn as nn


def pca(X: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The mean and the first ``k`` principal directions of the rows of ``X`` (N, D)."""
    mean = X.mean(axis=0)
    centred = X - mean                      # a new array: X itself is left alone
    # centred = U diag(S) Vt; the rows of Vt are the principal directions, ordered by the
    # singular values S, largest first (the variance along row i is S[i]² / N).
    U, S, Vt = np.linalg.svd(centred, full_matrices=False)
    return mean, Vt[:k]


def add_noise(X: np.ndarray, std: float, rng: np.random.Generator) -> np.ndarray:
    """A noisy copy of the images ``X`` (values in [0, 1]), for a denoising autoencoder."""
    noise = rng.normal(0.0, std, size=X.shape)   # one independent draw per entry
    return np.clip(X + noise, 0.0, 1.0)          # pixels stay between black and white


def reconstruction_error(X: np.ndarray, X_hat: np.ndarray) -> np.ndarray:
    """The mean squared error of each example's reconstruction: an array of shape (N,)."""
    squared = (np.asarray(X, dtype=float) - X_hat) ** 2
    return squared.reshape(len(squared), -1).mean(axis=1)   # one row per example


def make_autoencoder(code_size: int) -> nn.Autoencoder:
    """An autoencoder for the flattened 8 × 8 digits: 64 numbers → ``code_size`` → 64."""
    # ReLU hidden layers narrowing down to the code (no activation on the code itself),
    # and a mirror image for the decoder, with a sigmoid so that pixels land in [0, 1].
    encoder = nn.MLP([64, 128, 32, code_size])
    decoder = nn.MLP([code_size, 32, 128, 64], output_activation="sigmoid")
    return nn.Autoencoder(encoder, decoder)
