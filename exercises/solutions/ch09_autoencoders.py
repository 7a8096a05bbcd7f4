"""Chapter 9 exercises: reference solutions (the book shows them in a collapsed dropdown)."""

from __future__ import annotations

import numpy as np

import minigrad.nn as nn


def pca_errors(X: np.ndarray) -> np.ndarray:
    """The reconstruction error of PCA with k components, for every k from 0 to d at once."""
    n, d = X.shape
    centred = X - X.mean(axis=0)            # a new array: X itself is left alone
    s = np.linalg.svd(centred, compute_uv=False)
    # The centred data is Σ_i s_i u_i v_iᵀ, a sum of pieces perpendicular to each other: PCA
    # with k components keeps the first k and loses the others, whose squared numbers add up
    # to s_i² each. With N < d there are only N singular values; the missing ones are 0.
    lost = np.zeros(d)
    lost[:len(s)] = s ** 2
    tail = np.cumsum(lost[::-1])[::-1]      # tail[k] = s_{k+1}² + … + s_d²
    return np.append(tail, 0.0) / (n * d)


def mask_pixels(X: np.ndarray, fraction: float, rng: np.random.Generator) -> np.ndarray:
    """A copy of the images ``X`` with a random ``fraction`` of each image's pixels set to 0."""
    masked = np.array(X, dtype=float).reshape(len(X), -1)   # a copy, one row per example
    n, d = masked.shape
    m = round(fraction * d)
    # Ranking fresh uniform numbers row by row gives each row its own random order of the d
    # positions; its first m positions are a set of m drawn uniformly, exactly m of them.
    order = np.argsort(rng.random((n, d)), axis=1)
    np.put_along_axis(masked, order[:, :m], 0.0, axis=1)
    return masked.reshape(np.shape(X))


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
