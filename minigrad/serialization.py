"""Saving and loading: ``minigrad.save(model, "model.npz")``, ``minigrad.load("model.npz")``.

A file is a numpy ``.npz`` archive (a zip of ``.npy`` arrays). A module's ``state_dict()``
(name → array) is stored one array per entry, named as in the state dict (``0.weight``,
``encoder.1.bias``, …), so ``np.load`` reads it too. Anything else made of tensors, arrays,
numbers, strings, lists, tuples and dicts (a single tensor, a list of tensors, an optimiser's
``state_dict()``) is stored as numbered arrays plus ``structure.json``, a JSON description of
where each array goes. Nothing is ever unpickled: unpickling an object from a file can run any
code its author put there. Load weights back into a model with ``model.load_state_dict``, which
checks names and shapes against the architecture.

``load`` also reads checkpoints written by ``torch.save`` (a zip holding ``data.pkl``) when they
hold only tensors, numbers, strings and containers (a ``state_dict()``): see
:mod:`minigrad.torch_checkpoint`. A pickled model or any other object is refused.
"""

from __future__ import annotations

import os
from typing import Any

import numpy as np

from .tensor import Tensor

STRUCTURE = "structure.json"  # the entry that describes a structured archive


def _check_array(array: np.ndarray, where: str) -> np.ndarray:
    if array.dtype.kind not in "biuf":
        raise ValueError(f"save: {where} has dtype {array.dtype}; a weights file holds "
                         "numbers only (booleans, integers, floats)")
    return array


def _is_state_dict(obj: Any) -> bool:
    """A dict name → numpy array (what Module.state_dict() returns): stored flat."""
    return isinstance(obj, dict) and bool(obj) and all(
        isinstance(k, str) and k and isinstance(v, (np.ndarray, np.generic)) for k, v in obj.items())


def _describe(obj: Any, arrays: list[np.ndarray], where: str) -> Any:
    """The JSON description of ``obj``; its arrays are appended to ``arrays`` and numbered."""
    if isinstance(obj, Tensor):
        arrays.append(_check_array(obj.data, where))
        return {"tensor": len(arrays) - 1, "requires_grad": obj.requires_grad}
    if isinstance(obj, (np.ndarray, np.generic)):  # a numpy number keeps its dtype as a 0-d array
        arrays.append(_check_array(np.asarray(obj), where))
        return {"array": len(arrays) - 1}
    if obj is None or isinstance(obj, (bool, int, float, str)):
        return obj
    if isinstance(obj, (list, tuple)):
        items = [_describe(v, arrays, f"{where}[{i}]") for i, v in enumerate(obj)]
        return items if isinstance(obj, list) else {"tuple": items}
    if isinstance(obj, dict):
        for k in obj:
            if not isinstance(k, (str, int)) or isinstance(k, bool):
                raise TypeError(f"save: {where} has a key {k!r}; keys must be strings or integers")
        return {"dict": [[k, _describe(v, arrays, f"{where}[{k!r}]")] for k, v in obj.items()]}
    raise TypeError(f"save: {where} is a {type(obj).__name__}; a file holds tensors, arrays, "
                    "numbers, strings and lists, tuples or dicts of them (for a model, its state_dict)")


def save(obj: Any, path: str | os.PathLike) -> None:
    """Write ``obj`` to ``path``: a Module (its ``state_dict()``), a state dict, a Tensor, an
    array, or lists, tuples and dicts of them and of numbers and strings (an optimiser's
    ``state_dict()``).

    The file is written at ``path`` exactly (no extension is added; ``.npz`` is customary).
    Arrays keep their dtype and values bit for bit.
    """
    import json  # here and in load, not at the top: `import minigrad` stays quick
    import zipfile

    state = obj.state_dict() if hasattr(obj, "state_dict") and callable(obj.state_dict) else obj
    entries: dict[str, np.ndarray] = {}
    structure = None
    if _is_state_dict(state):
        entries = {name: _check_array(np.asarray(v), repr(name)) for name, v in state.items()}
    else:
        arrays: list[np.ndarray] = []
        structure = _describe(state, arrays, "the object")
        entries = {str(i): a for i, a in enumerate(arrays)}
    # What np.savez does, minus its keyword arguments: a parameter named "file" cannot clash.
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        if structure is not None:
            archive.writestr(STRUCTURE, json.dumps(structure))
        for name, array in entries.items():
            with archive.open(name + ".npy", "w", force_zip64=True) as f:
                np.lib.format.write_array(f, array, allow_pickle=False)


def _rebuild(node: Any, arrays: dict[str, np.ndarray]) -> Any:
    if isinstance(node, list):
        return [_rebuild(v, arrays) for v in node]
    if not isinstance(node, dict):
        return node
    if "tensor" in node:
        data = arrays[str(node["tensor"])]
        return Tensor(data, requires_grad=bool(node["requires_grad"]) and data.dtype.kind == "f")
    if "array" in node:
        return arrays[str(node["array"])]
    if "tuple" in node:
        return tuple(_rebuild(v, arrays) for v in node["tuple"])
    return {k: _rebuild(v, arrays) for k, v in node["dict"]}


def load(path: str | os.PathLike, weights_only: bool = True) -> Any:
    """Read a file written by :func:`save` (or a plain-tensor ``torch.save`` checkpoint).

    ``weights_only`` is accepted for PyTorch's ``torch.load(path, weights_only=True)``:
    minigrad never unpickles, so every load is weights only, whatever its value.

    A state dict comes back as a dict name → array, in the saved order; anything else as it
    was saved (Tensors as Tensors). Arrays are read with ``allow_pickle=False``: a file holding
    Python objects (an object array, a pickle) raises ``ValueError`` instead of running code.
    """
    import json
    import zipfile

    name = os.fspath(path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError, OSError) as e:
        if isinstance(e, FileNotFoundError):
            raise
        _refuse_non_archive(path, e)
    with archive:
        entries = archive.namelist()
        if any(e == "data.pkl" or e.endswith("/data.pkl") for e in entries):
            from .torch_checkpoint import read_torch_checkpoint
            return read_torch_checkpoint(archive, name)
        others = [e for e in entries if not e.endswith(".npy") and e != STRUCTURE]
        if others:
            raise ValueError(f"load: {name} is a zip but not a weights file: it holds "
                             f"{others[:3]}, which are not .npy arrays")
        arrays = {}
        try:
            for entry in (e for e in entries if e.endswith(".npy")):
                with archive.open(entry) as f:
                    arrays[entry[:-4]] = _read_array(f, name, entry[:-4])
            structure = (json.loads(archive.read(STRUCTURE).decode("utf-8"))
                         if STRUCTURE in entries else None)
        except (zipfile.BadZipFile, EOFError, OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            raise ValueError(f"load: {name} is not a weights file ({e})") from None
    return arrays if structure is None else _rebuild(structure, arrays)


def _read_array(f: Any, name: str, entry: str) -> np.ndarray:
    try:
        return np.lib.format.read_array(f, allow_pickle=False)
    except ValueError as e:
        if "allow_pickle" in str(e) or "Object arrays" in str(e):
            raise ValueError(f"load: {name} entry {entry!r} is an object array; refused, because "
                             "loading Python objects can run code. A weights file holds numbers "
                             "only") from None
        raise ValueError(f"load: {name} entry {entry!r} is not a numpy array ({e})") from None


def _refuse_non_archive(path: str | os.PathLike, error: Exception) -> None:
    """Say what a file that is not a zip is, without unpickling it."""
    name = os.fspath(path)
    with open(path, "rb") as f:
        head = f.read(6)
    if head == b"\x93NUMPY":
        raise ValueError(f"load: {name} holds a single array, not a .npz archive of named "
                         "arrays; save weights with minigrad.save") from None
    if head[:1] == b"\x80":
        raise ValueError(f"load: {name} is not a weights file: it is a Python pickle (such as "
                         "an old torch.save checkpoint, from before PyTorch 1.6), which is never "
                         "unpickled because that can run any code") from None
    raise ValueError(f"load: {name} is not a weights file ({error})") from None
