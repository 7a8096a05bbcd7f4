"""Chapter 9 exercises: PCA's error from the SVD, noise, flagging anomalies, a tied autoencoder.

The first three functions take and return numpy arrays; the last one builds a model with
minigrad.nn.
(Les tres primeres funcions treballen amb arrays de numpy; l'última construeix un model amb
minigrad.nn.)

Replace each ``raise NotImplementedError`` with your code, then grade your work:

    pytest exercises/test_ch09_autoencoders.py                     # feedback in English
    MINIGRAD_LANG=ca pytest exercises/test_ch09_autoencoders.py    # comentaris en català
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

import minigrad.nn as nn


def pca_errors(X: np.ndarray) -> np.ndarray:
    """The reconstruction error of PCA with k components, for every k from 0 to d at once.

    ``X`` has shape (N, d). PCA with k components, fitted on ``X`` itself, rebuilds each row
    x as x̂ = μ + (x - μ) V_k V_kᵀ (chapter 9). Entry k of the result, an array of shape
    (d + 1,), is that reconstruction's mean squared error over all N·d numbers,

        E_k = (1 / (N d)) Σ_i Σ_j (x̂_ij - x_ij)²,   k = 0, 1, …, d,

    so E_0 uses the mean alone and E_d = 0. Compute them from a single singular value
    decomposition, without building any reconstruction; do not modify ``X``. N may be smaller
    than d.
    (L'error de reconstrucció de la PCA amb k components, per a cada k de 0 a d, a partir d'una
    sola SVD i sense reconstruir res.)
    """
    raise NotImplementedError("no reconstruction: what do centred rows lose per dropped direction?")


def mask_pixels(X: np.ndarray, fraction: float, rng: np.random.Generator) -> np.ndarray:
    """A copy of the images ``X`` with a random ``fraction`` of each image's pixels set to 0.

    ``X`` has shape (N, d), or (N, H, W), or any (N, ...): each example has d numbers. In every
    example, exactly m = round(fraction · d) of its numbers become 0 and the others keep their
    value; which ones is drawn from ``rng`` (the same seed gives the same masks), independently
    for each example, every set of m positions being equally likely. Return a new array of the
    shape of ``X``; do not modify ``X``.
    (Una còpia de les imatges amb exactament m = round(fraction · d) píxels de cada imatge a 0,
    triats a l'atzar amb el generador rng, independentment per a cada imatge.)
    """
    raise NotImplementedError("exactly m pixels per image, from rng, a new draw for every image")


def flag_anomalies(normal_errors: np.ndarray, errors: np.ndarray, false_alarms: float) -> np.ndarray:
    """Which examples to flag as anomalies: a boolean array of the shape of ``errors``.

    ``normal_errors``, shape (N,), are the reconstruction errors of normal examples that the
    autoencoder did not train on; ``errors``, shape (M,), those of the examples to check. An
    example is flagged (True) when its error is above a threshold t, the same for all of them:
    the lowest t that would flag at most m = ⌊false_alarms · N⌋ of the normal examples (``⌊⌋``
    rounds down). Raise a ValueError whose message names flag_anomalies and what is wrong
    (false_alarms or normal_errors) when false_alarms is not in [0, 1) or normal_errors is
    empty. Do not modify the inputs.
    (Quins exemples cal marcar com a anòmals: els d'error per sobre del llindar t més baix que
    marcaria com a molt m = ⌊false_alarms · N⌋ dels exemples normals.)
    """
    raise NotImplementedError("at most m normal errors may lie above t: how low can t go?")


def make_tied_autoencoder(sizes: Sequence[int]) -> nn.Autoencoder:
    """A tied-weights autoencoder: sizes[0] → … → sizes[-1] → … → sizes[0], one set of matrices.

    The encoder is Linear layers sizes[0] → sizes[1] → … → sizes[-1], with a ReLU between two
    of them and nothing on the code. The decoder has no weight matrix of its own: it goes back
    through the encoder's matrices in the reverse order, each one transposed (an ``nn.Linear``'s
    ``weight`` has shape (out, in)), adding biases of its own, with a ReLU between two steps
    and a sigmoid at the end. Return ``nn.Autoencoder(encoder, decoder)``: its parameters are
    the encoder's and the decoder's biases, nothing else. The grader trains it for 20 epochs on
    the flattened digits and expects a smaller test error than PCA with sizes[-1] components.
    (Un autocodificador de pesos lligats: el descodificador torna enrere per les matrius del
    codificador, transposades i en ordre invers, amb biaixos propis.)
    """
    raise NotImplementedError("the decoder may keep the encoder as an attribute: its matrices come along")
