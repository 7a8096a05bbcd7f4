"""Saving and loading weights: ``minigrad.save(model, "model.npz")``, ``minigrad.load("model.npz")``.

A weights file is a numpy ``.npz`` archive (a zip of ``.npy`` arrays), one array per
parameter, named as in ``state_dict()`` (``0.weight``, ``encoder.1.bias``, …). It holds numbers
only: objects are refused both ways, because unpickling an object from a file can run any code
its author put there. Load the arrays back into a model with ``model.load_state_dict``, which
checks names and shapes against the architecture.
"""

from __future__ import annotations

import os
from typing import Any

import numpy as np

from .tensor import Tensor


def save(obj: Any, path: str | os.PathLike) -> None:
    """Write a state dict (name → array or Tensor), or a module's ``state_dict()``, to ``path``.

    The file is written at ``path`` exactly (no extension is added; ``.npz`` is customary).
    Arrays keep their dtype and values bit for bit.
    """
    state = obj.state_dict() if hasattr(obj, "state_dict") else obj
    if not isinstance(state, dict):
        raise TypeError(f"save: expected a Module or a dict of arrays, got {type(obj).__name__}")
    arrays = {}
    for name, value in state.items():
        array = np.asarray(value.data if isinstance(value, Tensor) else value)
        if not isinstance(name, str) or not name:
            raise TypeError(f"save: state dict keys must be non-empty strings, got {name!r}")
        if array.dtype.kind not in "biuf":
            raise ValueError(f"save: {name!r} has dtype {array.dtype}; a weights file holds "
                             "numbers only (booleans, integers, floats)")
        arrays[name] = array
    import zipfile  # here, not at the top: only saving needs it, and `import minigrad` stays quick

    # What np.savez does, minus its keyword arguments: a parameter named "file" cannot clash.
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, array in arrays.items():
            with archive.open(name + ".npy", "w", force_zip64=True) as f:
                np.lib.format.write_array(f, array, allow_pickle=False)


def load(path: str | os.PathLike) -> dict[str, np.ndarray]:
    """Read a file written by :func:`save` into a dict name → array, in the saved order.

    Uses ``np.load(..., allow_pickle=False)``: a file containing Python objects (an object
    array, a pickle) raises ``ValueError`` instead of running code.
    """
    import zipfile  # already imported by numpy's npz reader; named here to catch its error

    try:
        archive = np.load(path, allow_pickle=False)
    except (ValueError, EOFError, zipfile.BadZipFile) as e:  # a pickle, an empty or cut file
        raise ValueError(f"load: {os.fspath(path)} is not a weights file ({e})") from None
    if not isinstance(archive, np.lib.npyio.NpzFile):
        raise ValueError(f"load: {os.fspath(path)} holds a single array, not a .npz archive of "
                         "named arrays; save weights with minigrad.save")
    with archive:
        state = {}
        for name in archive.files:
            try:
                state[name] = archive[name]
            except ValueError:
                raise ValueError(f"load: {os.fspath(path)} entry {name!r} is an object array; "
                                 "refused, because loading Python objects can run code. "
                                 "A weights file holds numbers only") from None
    return state
