"""Chapter 9 exercises: PCA via the SVD, noise and the reconstruction error, an autoencoder.

The first three functions take and return numpy arrays; the last one builds a model with
minigrad.nn. The grader switches off minigrad's mean squared error (``F.mse_loss``,
``nn.MSELoss``) while it grades ``reconstruction_error``, so that number must come from your code.
(Les tres primeres funcions treballen amb arrays de numpy; l'última construeix un model amb
minigrad.nn.)

Replace each ``raise NotImplementedError`` with your code, then grade your work:

    pytest exercises/test_ch09_autoencoders.py                     # feedback in English
    MINIGRAD_LANG=ca pytest exercises/test_ch09_autoencoders.py    # comentaris en català
"""

from __future__ import annotations

import numpy as np

import minigrad.nn as nn


def pca(X: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The mean and the first ``k`` principal directions of the rows of ``X`` (N, D).

    Centre the data (subtract the mean of each column, without modifying ``X``), take the
    singular value decomposition of the centred data, and keep the first ``k`` right singular
    vectors. Return ``(mean, components)``: ``mean`` of shape (D,) and ``components`` of shape
    (k, D), one unit-length direction per row, the direction of largest variance first.
    (La mitjana i les k primeres direccions principals, calculades amb la SVD.)
    """
    raise NotImplementedError("centre a copy of X; which factor of the SVD holds the directions?")


def add_noise(X: np.ndarray, std: float, rng: np.random.Generator) -> np.ndarray:
    """A noisy copy of the images ``X`` (values in [0, 1]), for a denoising autoencoder.

    Add independent Gaussian noise of mean 0 and standard deviation ``std`` to every entry,
    drawn from ``rng`` (so that the same seed gives the same noise), then clip the result to
    [0, 1]. Return a new array of the shape of ``X``; do not modify ``X``.
    (Una còpia sorollosa de les imatges: soroll gaussià del generador rng, retallat a [0, 1].)
    """
    raise NotImplementedError("draw the noise from rng (not np.random) and keep pixels in [0, 1]")


def reconstruction_error(X: np.ndarray, X_hat: np.ndarray) -> np.ndarray:
    """The mean squared error of each example's reconstruction: an array of shape (N,).

    ``X`` and ``X_hat`` have the same shape, (N, D) or (N, H, W) or any (N, ...); entry n of
    the result is the mean of (X[n] - X_hat[n]) ** 2 over all of that example's numbers.
    (L'error quadràtic mitjà de la reconstrucció de cada exemple.)
    """
    raise NotImplementedError("one number per example, whatever the shape of an example")


def make_autoencoder(code_size: int) -> nn.Autoencoder:
    """An autoencoder for the flattened 8 × 8 digits: 64 numbers → ``code_size`` → 64.

    Return ``nn.Autoencoder(encoder, decoder)``: the encoder maps a batch (N, 64) to codes
    (N, code_size), the decoder maps the codes back to (N, 64). The grader trains it for 20
    epochs and expects a smaller reconstruction error on the test digits than PCA with
    ``code_size`` components.
    (Un autoencoder 64 → code_size → 64 que reconstrueixi millor que la PCA.)
    """
    raise NotImplementedError("what can an autoencoder do that PCA (a linear map) cannot?")
