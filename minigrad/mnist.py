"""MNIST: 70,000 handwritten digits of 28x28, stored in the IDX format.

An IDX file is a tiny header followed by the raw array, big-endian::

    bytes 0-1   zero
    byte  2     the element type: 0x08 uint8, 0x09 int8, 0x0B int16, 0x0C int32, 0x0D float32,
                0x0E float64
    byte  3     the number of dimensions d
    4 d bytes   each dimension's size, a uint32
    the rest    prod(sizes) elements, row-major

:func:`read_idx` reads one (gzipped or not) and checks every part of it; :func:`load_mnist` reads
the four standard files from a folder, downloading them first if asked to.
"""

from __future__ import annotations

import gzip
import hashlib
import math
import os
import zlib
from pathlib import Path

import numpy as np

__all__ = ["read_idx", "load_mnist"]

_IDX_TYPES = {0x08: ">u1", 0x09: ">i1", 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}

# Mirrors serving byte-identical copies of the files Yann LeCun published (the original site,
# yann.lecun.com, has often refused scripted downloads): PyTorch's, then TensorFlow's.
MIRRORS = (
    "https://ossci-datasets.s3.amazonaws.com/mnist/",
    "https://storage.googleapis.com/cvdf-datasets/mnist/",
)
# sha256 of each gzipped file, as published by two independent sources that agree with each
# other: torchvision's MNIST dataset definition (prototype/datasets/_builtin/mnist.py, `_CHECKSUMS`)
# and TensorFlow Datasets' checksums for `mnist`. A download that does not match is refused.
MNIST_SHA256 = {
    "train-images-idx3-ubyte.gz": "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
    "train-labels-idx1-ubyte.gz": "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
    "t10k-images-idx3-ubyte.gz": "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
    "t10k-labels-idx1-ubyte.gz": "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
}
_TRAIN = ("train-images-idx3-ubyte", "train-labels-idx1-ubyte")
_TEST = ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")


def read_idx(path: str | os.PathLike) -> np.ndarray:
    """Read an IDX file (gzipped or not: detected from its first bytes) into a numpy array.

    Returns an array of the file's shape and element type, in native byte order. Raises
    ``ValueError`` naming the file and the problem when the magic number, the type code or the
    dimensions are wrong, or the data is shorter or longer than the header promises.
    """
    raw = Path(path).read_bytes()
    if raw[:2] == b"\x1f\x8b":  # the gzip magic number
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError, zlib.error) as err:
            raise ValueError(f"read_idx: {path} is a damaged gzip file ({err})") from err
    if len(raw) < 4:
        raise ValueError(f"read_idx: {path} has {len(raw)} bytes, too few for an IDX header")
    magic = int.from_bytes(raw[:4], "big")
    if raw[:2] != b"\0\0":
        raise ValueError(f"read_idx: {path} starts with magic number 0x{magic:08X}, not an IDX "
                         "file (its first two bytes must be zero)")
    code, ndim = raw[2], raw[3]
    if code not in _IDX_TYPES:
        raise ValueError(f"read_idx: {path} has magic number 0x{magic:08X} with unknown element "
                         f"type code 0x{code:02X} (known: "
                         f"{', '.join(f'0x{c:02X}' for c in _IDX_TYPES)})")
    if ndim == 0:
        raise ValueError(f"read_idx: {path} declares 0 dimensions")
    header = 4 + 4 * ndim
    if len(raw) < header:
        raise ValueError(f"read_idx: {path} is truncated inside its header: {ndim} dimensions "
                         f"need {header} bytes, the file has {len(raw)}")
    shape = tuple(int(d) for d in np.frombuffer(raw, ">u4", ndim, offset=4))
    dtype = np.dtype(_IDX_TYPES[code])
    expected = math.prod(shape) * dtype.itemsize
    got = len(raw) - header
    if got < expected:
        raise ValueError(f"read_idx: {path} is truncated: shape {shape} of {dtype.name} needs "
                         f"{expected} bytes of data, the file has {got}")
    if got > expected:
        raise ValueError(f"read_idx: {path} has {got - expected} unexpected bytes after the "
                         f"{expected} bytes of data that shape {shape} of {dtype.name} needs")
    data = np.frombuffer(raw, dtype, offset=header).reshape(shape)
    return data.astype(dtype.newbyteorder("="))  # a writable copy in native order


def load_mnist(root: str | os.PathLike, download: bool = False
               ) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """The MNIST training (60,000) and test (10,000) sets from the four IDX files in ``root``.

    Each file may be gzipped (``train-images-idx3-ubyte.gz``) or not (``train-images-idx3-ubyte``).
    With ``download=True``, missing files are first fetched as ``.gz`` from a mirror and kept only
    if their sha256 matches the published one.

    Returns ``(X_train, y_train), (X_test, y_test)``: images ``(N, 28, 28)`` float32 in [0, 1]
    (pixel / 255), labels ``(N,)`` int64 in 0..9.
    """
    root = Path(root)
    paths = {name: _find(root, name) for name in _TRAIN + _TEST}
    missing = [name for name, path in paths.items() if path is None]
    if missing and not download:
        raise FileNotFoundError(
            f"load_mnist: {root} lacks {', '.join(missing)} (plain or .gz); "
            "call load_mnist(root, download=True) to fetch them")
    if missing:
        root.mkdir(parents=True, exist_ok=True)
        for name in missing:
            paths[name] = _download(name + ".gz", root)
    return tuple(_pair(paths[images], paths[labels]) for images, labels in (_TRAIN, _TEST))


def _find(root: Path, name: str) -> Path | None:
    for path in (root / name, root / (name + ".gz")):
        if path.is_file():
            return path
    return None


def _pair(images_path: Path, labels_path: Path) -> tuple[np.ndarray, np.ndarray]:
    """Read and cross-check one images file and its labels file."""
    images, labels = read_idx(images_path), read_idx(labels_path)
    if images.dtype != np.uint8 or images.ndim != 3:
        raise ValueError(f"load_mnist: {images_path} holds {images.dtype} of shape "
                         f"{images.shape}, expected uint8 images (N, rows, columns)")
    if labels.dtype != np.uint8 or labels.ndim != 1:
        raise ValueError(f"load_mnist: {labels_path} holds {labels.dtype} of shape "
                         f"{labels.shape}, expected uint8 labels (N,)")
    if len(images) != len(labels):
        raise ValueError(f"load_mnist: {images_path} has {len(images)} images but "
                         f"{labels_path} has {len(labels)} labels")
    if labels.size and labels.max() > 9:
        raise ValueError(f"load_mnist: {labels_path} holds label {labels.max()}; digits are 0..9")
    X = images.astype(np.float32)
    X /= 255  # in place: no second float copy of 47 million pixels
    return X, labels.astype(np.int64)


def _download(filename: str, root: Path) -> Path:
    """Fetch ``filename`` from the first mirror that answers; keep it only if its sha256 matches."""
    # imported here: urllib.request takes longer to import than the rest of minigrad.data
    import http.client
    import urllib.error
    import urllib.request

    target, partial = root / filename, root / (filename + ".part")
    errors = []
    for mirror in MIRRORS:
        url = mirror + filename
        digest = hashlib.sha256()
        try:
            with urllib.request.urlopen(url, timeout=60) as response, open(partial, "wb") as out:
                for block in iter(lambda: response.read(1 << 20), b""):
                    digest.update(block)
                    out.write(block)
        except (urllib.error.URLError, OSError, http.client.HTTPException) as err:
            partial.unlink(missing_ok=True)
            errors.append(f"{url}: {getattr(err, 'reason', err)}")
            continue
        if digest.hexdigest() != MNIST_SHA256[filename]:
            partial.unlink()
            raise ValueError(f"load_mnist: {url} has sha256 {digest.hexdigest()}, expected "
                             f"{MNIST_SHA256[filename]}; the download was discarded")
        partial.replace(target)
        return target
    raise ConnectionError(
        f"load_mnist: could not download {filename} ({'; '.join(errors)}). Without a network, "
        f"copy the four MNIST files (plain or .gz) into {root} and call load_mnist again")
