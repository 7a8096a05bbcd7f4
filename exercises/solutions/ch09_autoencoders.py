"""Chapter 9 exercises: reference solutions (the book shows them in a collapsed dropdown)."""

from __future__ import annotations

from typing import Sequence

import numpy as np

import minigrad.nn as nn
from minigrad import Tensor


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


class TiedDecoder(nn.Module):
    """The mirror image of an encoder of Linear layers, through the encoder's own matrices."""

    def __init__(self, encoder: nn.Module) -> None:
        # Holding the encoder makes its weights this module's too: the optimiser updates them
        # from both halves, and parameters() lists a module registered twice only once.
        self.encoder = encoder
        self.biases = nn.ParameterList([nn.Parameter(np.zeros(layer.in_features, dtype=np.float32))
                                        for layer in reversed(self.linears())])

    def linears(self) -> list[nn.Linear]:
        return [layer for layer in self.encoder.modules() if isinstance(layer, nn.Linear)]

    def forward(self, code: Tensor) -> Tensor:
        x = code
        for step, (layer, bias) in enumerate(zip(reversed(self.linears()), self.biases)):
            # weight is (out, in): multiplying on the right by it maps out numbers back to in.
            x = x @ layer.weight + bias
            x = x.relu() if step < len(self.biases) - 1 else x.sigmoid()   # pixels in [0, 1]
        return x


def make_tied_autoencoder(sizes: Sequence[int]) -> nn.Autoencoder:
    """A tied-weights autoencoder: sizes[0] → … → sizes[-1] → … → sizes[0], one set of matrices."""
    encoder = nn.MLP(sizes)             # ReLU between the Linear layers, none on the code
    return nn.Autoencoder(encoder, TiedDecoder(encoder))
