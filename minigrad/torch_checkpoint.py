"""Reading a checkpoint written by ``torch.save`` without PyTorch, and without running its code.

Since PyTorch 1.6 a checkpoint is a zip: ``<name>/data.pkl`` pickles the object, and each tensor's
storage (its flat buffer of numbers) is a separate entry ``<name>/data/<key>``. The pickle names
the Python functions that rebuild the object, and an ordinary unpickler would import and call
whatever it names, so a checkpoint can run any code. Here the unpickler resolves only the few
names a checkpoint of plain tensors uses (PyTorch's tensor-rebuilding functions, its storage
types, ``OrderedDict``) to functions of this module that build numpy arrays; any other name is
refused. A state dict comes back as a dict name → :class:`~minigrad.Tensor`.
"""

from __future__ import annotations

import collections
import io
import pickle
from typing import Any

import numpy as np

from .tensor import Tensor

# PyTorch's storage types → numpy dtypes (bfloat16, which numpy lacks, is widened to float32)
STORAGE_DTYPES = {
    "FloatStorage": np.float32, "DoubleStorage": np.float64, "HalfStorage": np.float16,
    "BFloat16Storage": "bfloat16", "LongStorage": np.int64, "IntStorage": np.int32,
    "ShortStorage": np.int16, "CharStorage": np.int8, "ByteStorage": np.uint8,
    "BoolStorage": np.bool_,
}


class _StorageType:
    """Stands for ``torch.FloatStorage`` & co. in the pickle: only its dtype is needed."""

    def __init__(self, name: str) -> None:
        self.name = name


def _rebuild_tensor_v2(storage: np.ndarray, offset: int, size: tuple, stride: tuple,
                       requires_grad: bool = False, backward_hooks: Any = None,
                       metadata: Any = None) -> Tensor:
    """The tensor of ``size`` that starts at element ``offset`` of ``storage`` with ``stride``
    (in elements), copied out so that it owns its memory."""
    if not size:
        data = storage[offset:offset + 1].reshape(())
    else:
        end = offset + 1 + sum((n - 1) * s for n, s in zip(size, stride))
        if offset < 0 or end > len(storage):
            raise ValueError(f"a tensor of size {tuple(size)} reaches outside its storage")
        data = np.lib.stride_tricks.as_strided(storage[offset:], shape=tuple(size),
                                               strides=tuple(s * storage.itemsize for s in stride))
    return Tensor(data.copy(), requires_grad=bool(requires_grad) and storage.dtype.kind == "f")


def _rebuild_parameter(data: Tensor, requires_grad: bool, backward_hooks: Any) -> Tensor:
    data.requires_grad = bool(requires_grad) and data.dtype.kind == "f"
    return data


ALLOWED = {
    ("collections", "OrderedDict"): collections.OrderedDict,
    ("torch._utils", "_rebuild_tensor_v2"): _rebuild_tensor_v2,
    ("torch._utils", "_rebuild_parameter"): _rebuild_parameter,
    **{("torch", name): _StorageType(name) for name in STORAGE_DTYPES},
}


class _Unpickler(pickle.Unpickler):
    def __init__(self, data: bytes, archive: Any, prefix: str, path: str) -> None:
        super().__init__(io.BytesIO(data))
        self.archive, self.prefix, self.path = archive, prefix, path
        self.storages: dict[str, np.ndarray] = {}

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in ALLOWED:
            return ALLOWED[module, name]
        raise pickle.UnpicklingError(f"{module}.{name}")

    def persistent_load(self, pid: Any) -> np.ndarray:
        """A storage: ('storage', type, key, location, numel) → its numbers as a 1-D array."""
        if not (isinstance(pid, tuple) and len(pid) == 5 and pid[0] == "storage"
                and isinstance(pid[1], _StorageType)):
            raise pickle.UnpicklingError(f"an unknown persistent object {pid!r:.60}")
        kind, key = pid[1].name, str(pid[2])
        if key not in self.storages:
            raw = self.archive.read(f"{self.prefix}data/{key}")
            dtype = STORAGE_DTYPES[kind]
            if dtype == "bfloat16":  # the top 16 bits of a float32
                self.storages[key] = (np.frombuffer(raw, "<u2").astype(np.uint32) << 16).view(np.float32)
            else:
                self.storages[key] = np.frombuffer(raw, np.dtype(dtype).newbyteorder("<"))
        return self.storages[key]


def _plain(obj: Any) -> Any:
    """OrderedDicts (with the ``_metadata`` PyTorch attaches) as plain dicts, recursively."""
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_plain(v) for v in obj]
    if isinstance(obj, tuple):
        return tuple(_plain(v) for v in obj)
    return obj


def read_torch_checkpoint(archive: Any, path: str) -> Any:
    """The object in an open ``torch.save`` zip, if it is made of tensors, numbers, strings and
    containers only; otherwise a ``ValueError`` naming what it holds."""
    pickles = [e for e in archive.namelist() if e == "data.pkl" or e.endswith("/data.pkl")]
    prefix = pickles[0][:-len("data.pkl")]
    order = f"{prefix}byteorder"
    if order in archive.namelist() and archive.read(order).strip() != b"little":
        raise ValueError(f"load: {path} is a big-endian PyTorch checkpoint, which is not supported")
    unpickler = _Unpickler(archive.read(pickles[0]), archive, prefix, path)
    try:
        obj = unpickler.load()
    except pickle.UnpicklingError as e:
        raise ValueError(f"load: {path} is a PyTorch checkpoint holding {e}, which is not a plain "
                         f"tensor; refused, because unpickling objects can run any code. Save "
                         f"model.state_dict() in PyTorch (torch.save(model.state_dict(), path)) "
                         f"to carry the weights over") from None
    except (KeyError, ValueError, TypeError, EOFError) as e:
        raise ValueError(f"load: {path} is a damaged PyTorch checkpoint ({e})") from None
    return _plain(obj)
