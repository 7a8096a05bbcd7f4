"""Data to learn from, and the loop that feeds it in batches.

- :func:`load_digits`: 1,797 handwritten digits of 8x8 pixels, shipped inside the package.
- :func:`train_test_split`: hold out a test set, keeping each class's share (stratified).
- Synthetic sets on the plane, reproducible by seed: :func:`make_moons`, :func:`make_circles`,
  :func:`make_xor`, :func:`make_spirals`, :func:`make_blobs`, and :func:`make_wages`, a
  regression whose answer needs an *interaction* between two inputs.
- :class:`~minigrad.utils.data.DataLoader` (defined in :mod:`minigrad.utils.data`, re-exported
  here): mini-batches ``(xb, yb)`` of arrays ``X, y``, shuffled reproducibly.
- MNIST (:func:`load_mnist`, :func:`read_idx`) lives in :mod:`minigrad.mnist` and is
  re-exported here.

The data sets are plain numpy arrays: inputs ``float32``, class labels ``int64``.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import io
import math
from pathlib import Path
from typing import Sequence

import numpy as np

from .mnist import load_mnist, read_idx
from .randomness import generator
from .utils.data import DataLoader

__all__ = [
    "load_digits", "train_test_split", "make_moons", "make_circles", "make_xor",
    "make_spirals", "make_blobs", "make_wages", "DataLoader", "load_mnist", "read_idx",
]

DIGITS_PATH = Path(__file__).parent / "datasets" / "digits.csv.gz"
# sha256 of scikit-learn's sklearn/datasets/data/digits.csv.gz, the file shipped here: a changed
# or damaged copy is detected on the first load instead of training on wrong pixels.
DIGITS_SHA256 = "09f66e6debdee2cd2b5ae59e0d6abbb73fc2b0e0185d2e1957e9ebb51e23aa22"


# --- the digits -------------------------------------------------------------------------------
def load_digits() -> tuple[np.ndarray, np.ndarray]:
    """The UCI handwritten digits (Alpaydin & Kaynak, 1998; CC BY 4.0): 1,797 images of 8x8.

    Returns ``(images, labels)``: images ``(1797, 8, 8)`` float32 in [0, 1] (the file's pixel
    counts 0..16 divided by 16), labels ``(1797,)`` int64 in 0..9. The file's sha256 is checked
    on the first call; later calls reuse the parsed arrays and return fresh copies.
    """
    images, labels = _read_digits(str(DIGITS_PATH), DIGITS_SHA256)
    return images.copy(), labels.copy()


@functools.lru_cache(maxsize=2)
def _read_digits(path: str, sha256: str) -> tuple[np.ndarray, np.ndarray]:
    raw = Path(path).read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != sha256:
        raise ValueError(
            f"load_digits: {path} has sha256 {digest}, expected {sha256}; the file is corrupt "
            "or was replaced. Reinstall minigrad to restore it.")
    # one image a row: 64 pixel counts, then the label
    table = np.loadtxt(io.BytesIO(gzip.decompress(raw)), delimiter=",", dtype=np.uint8)
    images = table[:, :64].reshape(-1, 8, 8).astype(np.float32) / np.float32(16)
    return images, table[:, 64].astype(np.int64)


# --- holding out a test set -------------------------------------------------------------------
def train_test_split(X: np.ndarray, y: np.ndarray, test_size: float | int = 0.2,
                     seed: int | None = 0, stratify: bool = True
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Split ``(X, y)`` into ``X_train, X_test, y_train, y_test`` (scikit-learn's order).

    ``test_size`` is a fraction in (0, 1) or a number of samples; the test set gets
    ``ceil(test_size * N)`` samples. With ``stratify=True`` each class keeps its share:
    class ``c`` with ``n_c`` samples sends ``n_c * n_test / N`` of them to the test set, rounded so
    the counts add up (largest remainders get the extra ones). Both sets are shuffled.
    ``seed=None`` draws from minigrad's generator (see :func:`minigrad.manual_seed`).
    """
    X, y = np.asarray(X), np.asarray(y)
    n = len(X)
    if len(y) != n:
        raise ValueError(f"train_test_split: X has {n} samples but y has {len(y)}")
    if isinstance(test_size, float) and 0 < test_size < 1:
        n_test = math.ceil(test_size * n)
    elif isinstance(test_size, (int, np.integer)) and not isinstance(test_size, bool):
        n_test = int(test_size)
    else:
        raise ValueError(f"train_test_split: test_size must be a fraction in (0, 1) or a "
                         f"number of samples, got {test_size!r}")
    if not 0 < n_test < n:
        raise ValueError(f"train_test_split: test_size={test_size!r} leaves {n_test} of {n} "
                         "samples for testing; both sets need at least one")
    rng = _rng(seed)
    if stratify:
        if y.ndim != 1:
            raise ValueError(f"train_test_split: stratify needs class labels y of shape (N,), "
                             f"got {y.shape}; pass stratify=False for other targets")
        classes, codes = np.unique(y, return_inverse=True)
        counts = np.bincount(codes, minlength=len(classes))
        # integer arithmetic, so the quotas n_c * n_test / N round the same on every machine
        per_class, remainder = np.divmod(counts * n_test, n)
        short = n_test - per_class.sum()
        per_class[np.argsort(-remainder, kind="stable")[:short]] += 1
        test = np.concatenate([rng.permutation(np.flatnonzero(codes == c))[:k]
                               for c, k in enumerate(per_class)])
    else:
        test = rng.permutation(n)[:n_test]
    is_test = np.zeros(n, dtype=bool)
    is_test[test] = True
    train = rng.permutation(np.flatnonzero(~is_test))
    test = rng.permutation(test)
    return X[train], X[test], y[train], y[test]


# --- synthetic sets on the plane --------------------------------------------------------------
def make_moons(n: int = 200, noise: float = 0.1, seed: int | None = 0
               ) -> tuple[np.ndarray, np.ndarray]:
    """Two interleaving half circles: class 0 is ``(cos t, sin t)``, class 1 is
    ``(1 - cos t, 0.5 - sin t)``, ``t ~ U[0, pi]``, plus Gaussian noise of std ``noise``.

    Returns ``X (n, 2)`` float32 and ``y (n,)`` int64, classes as even as ``n`` allows, shuffled.
    """
    rng, y = _start("make_moons", n, 2, noise, seed)
    t = rng.uniform(0, np.pi, n)
    X = np.stack([np.cos(t), np.sin(t)], axis=1)
    X[y == 1] = [1.0, 0.5] - X[y == 1]
    return _finish(X, y, noise, rng)


def make_circles(n: int = 200, noise: float = 0.05, factor: float = 0.5,
                 seed: int | None = 0) -> tuple[np.ndarray, np.ndarray]:
    """Two concentric circles: class 0 of radius 1, class 1 of radius ``factor`` (in (0, 1)),
    angles uniform, plus Gaussian noise of std ``noise``. Returns ``X (n, 2)``, ``y (n,)``."""
    if not 0 < factor < 1:
        raise ValueError(f"make_circles: factor must be in (0, 1), got {factor!r}")
    rng, y = _start("make_circles", n, 2, noise, seed)
    t = rng.uniform(0, 2 * np.pi, n)
    radius = np.where(y == 0, 1.0, factor)[:, None]
    return _finish(radius * np.stack([np.cos(t), np.sin(t)], axis=1), y, noise, rng)


def make_xor(n: int = 200, noise: float = 0.3, seed: int | None = 0
             ) -> tuple[np.ndarray, np.ndarray]:
    """XOR as clouds: each point starts at a corner ``(a, b)`` of {-1, 1}², label
    ``(a > 0) xor (b > 0)``, plus Gaussian noise of std ``noise``. No straight line separates the
    classes. Returns ``X (n, 2)``, ``y (n,)``; each class gets its two corners equally often."""
    rng, y = _start("make_xor", n, 2, noise, seed)
    # alternate the sign of a, so each class uses its two corners (nearly) equally often
    a = np.where(np.arange(n) % 2 == 0, 1.0, -1.0)
    b = np.where(y == 1, -a, a)
    return _finish(np.stack([a, b], axis=1), y, noise, rng)


def make_spirals(n: int = 300, n_classes: int = 3, noise: float = 0.2, seed: int | None = 0
                 ) -> tuple[np.ndarray, np.ndarray]:
    """``n_classes`` spiral arms, each one turn long: arm ``k`` at radius ``r ~ U[0, 1]`` has angle
    ``2 pi (k / n_classes + r)`` plus Gaussian noise of std ``noise`` (radians).
    Returns ``X (n, 2)`` = ``r (cos angle, sin angle)`` and ``y (n,)`` in 0..n_classes-1."""
    rng, y = _start("make_spirals", n, n_classes, noise, seed)
    r = rng.uniform(0, 1, n)
    angle = 2 * np.pi * (y / n_classes + r) + noise * rng.standard_normal(n)
    return _finish(r[:, None] * np.stack([np.cos(angle), np.sin(angle)], axis=1), y, 0.0, rng)


def make_blobs(n: int = 300, centers: int | Sequence[Sequence[float]] = 3, noise: float = 0.5,
               seed: int | None = 0) -> tuple[np.ndarray, np.ndarray]:
    """Gaussian clouds of std ``noise`` around ``centers``: a ``(k, 2)`` array, or a number ``k``
    of centers spaced evenly on the circle of radius 2 (well apart at the default noise).
    Returns ``X (n, 2)`` and ``y (n,)`` in 0..k-1, the cloud each point came from."""
    if isinstance(centers, (int, np.integer)):
        angles = 2 * np.pi * np.arange(centers) / max(int(centers), 1)
        centers = 2.0 * np.stack([np.cos(angles), np.sin(angles)], axis=1)
    centers = np.asarray(centers, dtype=np.float64)
    if centers.ndim != 2 or centers.shape[1] != 2 or len(centers) == 0:
        raise ValueError(f"make_blobs: centers must be a positive number or a (k, 2) array, "
                         f"got shape {centers.shape}")
    rng, y = _start("make_blobs", n, len(centers), noise, seed)
    return _finish(centers[y], y, noise, rng)


def make_wages(n: int = 500, noise: float = 2.0, seed: int | None = 0
               ) -> tuple[np.ndarray, np.ndarray]:
    """Wages (thousands a year) from years of education and a tech-job flag, with an interaction.

    ``education`` is a whole number of years, uniform in 12..20; ``tech`` is 0 or 1 (a fair coin),
    and ``eps`` is standard normal::

        wage = 20 + 3 (education - 12) + tech * (6 + 9 (education - 12)) + noise * eps

    so one more year of education raises the wage by 3 outside tech and by 12 in tech: the raise
    depends on the job, which a linear model ``b + w1 education + w2 tech`` cannot express.
    Without noise, "checking for interactions" by predicting two education values for each job
    gives (the tech column is the 26 → 38 of chapter 4's network)::

                        tech = 0   tech = 1
        education = 12     20         26
        education = 13     23         38

    Returns ``X (n, 2)`` float32, columns ``[education, tech]``, and the wages ``y (n,)`` float32
    (a regression target, unlike the class labels of the other sets).
    """
    if not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"make_wages: n must be a positive integer, got {n!r}")
    if noise < 0:
        raise ValueError(f"make_wages: noise must be >= 0, got {noise!r}")
    rng = _rng(seed)
    education = rng.integers(12, 21, n).astype(np.float64)
    tech = rng.integers(0, 2, n).astype(np.float64)
    extra = education - 12
    wage = 20 + 3 * extra + tech * (6 + 9 * extra) + noise * rng.standard_normal(n)
    return np.stack([education, tech], axis=1).astype(np.float32), wage.astype(np.float32)


def _rng(seed: int | None) -> np.random.Generator:
    """A generator of its own for a given seed, else minigrad's (seeded by ``manual_seed``)."""
    return generator() if seed is None else np.random.default_rng(seed)


def _start(name: str, n: int, n_classes: int, noise: float, seed: int | None
           ) -> tuple[np.random.Generator, np.ndarray]:
    """Check the common arguments; labels with classes as even as ``n`` allows, in order."""
    if not isinstance(n_classes, (int, np.integer)) or n_classes < 1:
        raise ValueError(f"{name}: the number of classes must be a positive integer, "
                         f"got {n_classes!r}")
    if not isinstance(n, (int, np.integer)) or n < n_classes:
        raise ValueError(f"{name}: n must be an integer >= the {n_classes} classes, got {n!r}")
    if noise < 0:
        raise ValueError(f"{name}: noise must be >= 0, got {noise!r}")
    return _rng(seed), np.arange(n, dtype=np.int64) * n_classes // n


def _finish(X: np.ndarray, y: np.ndarray, noise: float, rng: np.random.Generator
            ) -> tuple[np.ndarray, np.ndarray]:
    """Add the noise, then shuffle, so unshuffled batches still mix the classes."""
    if noise:
        X = X + noise * rng.standard_normal(X.shape)
    order = rng.permutation(len(y))
    return X[order].astype(np.float32), y[order]
