"""The data types of tensors, with PyTorch's names: ``minigrad.float32``, ``minigrad.long``...

They are numpy's types (``minigrad.float32 is numpy.float32``), so a dtype from either
library works everywhere. As in PyTorch, floating-point results default to float32: an
integer tensor divided, averaged or passed through ``exp`` gives float32 (numpy would give
float64).
"""

from __future__ import annotations

from typing import Any

import numpy as np

float32 = float_ = np.float32
float64 = double = np.float64
float16 = half = np.float16
int64 = long = np.int64
int32 = int_ = np.int32
int16 = short = np.int16
int8 = np.int8
uint8 = np.uint8
bool_ = np.bool_

DEFAULT_FLOAT = np.dtype(np.float32)

_NAMES = {"float": float32, "float32": float32, "double": float64, "float64": float64,
          "half": float16, "float16": float16, "long": int64, "int64": int64, "int": int32,
          "int32": int32, "short": int16, "int16": int16, "int8": int8, "uint8": uint8,
          "bool": bool_}


def as_dtype(dtype: Any) -> np.dtype:
    """A numpy dtype from a minigrad/numpy type, a name ("float32", "long") or "torch.float32"."""
    name = dtype.removeprefix("torch.") if isinstance(dtype, str) else None
    if name is not None and name not in _NAMES:
        raise TypeError(f"dtype: unknown type {dtype!r}; minigrad has {', '.join(sorted(_NAMES))}")
    return np.dtype(_NAMES[name] if name is not None else dtype)


def floating(a: np.ndarray) -> np.ndarray:
    """``a`` itself if it is floating-point, else ``a`` as float32 (PyTorch's default float type)."""
    return a if a.dtype.kind == "f" else a.astype(DEFAULT_FLOAT)
