"""Chapter 9 exercises: reference solutions (the book shows them in a collapsed dropdown)."""

from __future__ import annotations

import math
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


def flag_anomalies(normal_errors: np.ndarray, errors: np.ndarray, false_alarms: float) -> np.ndarray:
    """Which examples to flag: True where an error is above the threshold that flags at most
    m = ⌊false_alarms · N⌋ of the N normal examples, and is the lowest such threshold."""
    if not 0 <= false_alarms < 1:             # also refuses nan
        raise ValueError(f"flag_anomalies: false_alarms = {false_alarms} is not in [0, 1)")
    if len(normal_errors) == 0:
        raise ValueError("flag_anomalies: normal_errors is empty, so nothing sets the threshold")
    m = math.floor(false_alarms * len(normal_errors))
    # The (m + 1)-th largest normal error: only the m above it can be flagged, and any lower
    # threshold would flag it as well. Ties only lower the count of false alarms.
    threshold = np.sort(normal_errors)[::-1][m]
    return np.asarray(errors) > threshold


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
