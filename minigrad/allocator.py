"""Memory for the tensor engine: a training step reuses what the previous step freed."""

from __future__ import annotations

import ctypes
import math
import os
import sys
from typing import Any

import numpy as np


def keep_freed_memory() -> None:
    """Ask glibc's malloc to keep freed memory for the next step instead of giving it back.

    A training step allocates the same large temporaries every time. By default, glibc
    returns most freed memory to the operating system at once, so every step gets fresh
    pages, and the first touch of each 4 KiB page is a page fault: on a virtual machine,
    up to a third of a small CNN's step when its arrays were all new. With this, arrays up
    to 32 MiB come from memory the process keeps (up to 128 MiB of it free). Only on Linux
    with glibc; skipped when the user tunes malloc (``MALLOC_*_`` or ``GLIBC_TUNABLES``).
    An opt-in for the whole process, never called by minigrad itself: conv2d, max_pool2d and relu
    already reuse their large arrays (:func:`reusable`), and the rest of a program's
    allocator is its own business.
    """
    if sys.platform != "linux" or any(k.startswith("MALLOC_") or k == "GLIBC_TUNABLES" for k in os.environ):
        return
    try:
        if not os.confstr("CS_GNU_LIBC_VERSION").startswith("glibc"):
            return
        libc = ctypes.CDLL("libc.so.6")
        M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3   # from glibc's <malloc.h>
        libc.mallopt(M_MMAP_THRESHOLD, 32 << 20)
        libc.mallopt(M_TRIM_THRESHOLD, 128 << 20)
    except (AttributeError, OSError, ValueError):
        pass  # not glibc after all: leave the allocator as it is


_spare: dict[tuple, list[np.ndarray]] = {}   # (shape, dtype) → the arrays of that kind handed out
_MAX_KINDS = 64          # shapes and dtypes kept: a few per layer of a network
_PER_KIND = 16           # arrays of one kind alive at once in a step (e.g. one per block)
_MAX_BYTES = 256 << 20   # all kept arrays together
SMALL = 64 << 10         # smaller arrays come cheaply from malloc's own free lists
_kept_bytes = 0


def _free_count() -> int:
    """What ``sys.getrefcount`` says of an array only a list of the cache holds, measured the way
    :func:`reusable` measures it (list, loop variable, argument: 3 in CPython up to 3.13; an
    interpreter that borrows the loop variable's reference counts fewer)."""
    for array in [np.empty(0)]:
        count = sys.getrefcount(array)
    return count


_FREE = _free_count()


def product(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``a @ b`` (2-D or batched, both at least 2-D), its result in :func:`reusable` memory
    when large."""
    # Small products are most of a small network's: their bookkeeping must cost less than
    # the product (np.broadcast_shapes and np.prod take microseconds each).
    batch = np.broadcast_shapes(a.shape[:-2], b.shape[:-2]) if a.ndim > 2 or b.ndim > 2 else ()
    shape = batch + (a.shape[-2], b.shape[-1])
    dtype = a.dtype if a.dtype == b.dtype else np.result_type(a, b)
    if math.prod(shape) * dtype.itemsize < SMALL:
        return a @ b
    return np.matmul(a, b, out=reusable(shape, dtype))


def reusable(shape: tuple, dtype: Any) -> np.ndarray:
    """An uninitialised array for a large temporary, the same memory every training step.

    Returns an array handed out before for this shape and dtype when nothing uses it any
    more (only this cache refers to it), else a new one. Memory already touched needs no page
    faults, so a step's cost does not depend on how the process's malloc returns freed memory.
    Keeps up to ``_PER_KIND`` arrays of each of ``_MAX_KINDS`` (shape, dtype) kinds, at most
    ``_MAX_BYTES`` in all; arrays under ``SMALL`` bytes are always new.
    """
    global _kept_bytes
    dtype = np.dtype(dtype)
    key = (shape, dtype)
    arrays = _spare.get(key)
    if arrays is not None:
        for array in arrays:
            # Only the cache refers to it (see _free_count): anyone else would be a user.
            if sys.getrefcount(array) == _FREE:
                return array
    array = np.empty(shape, dtype)
    if array.nbytes < SMALL or _kept_bytes + array.nbytes > _MAX_BYTES:
        return array
    if arrays is None:
        if len(_spare) >= _MAX_KINDS:
            return array
        arrays = _spare[key] = []
    if len(arrays) < _PER_KIND:
        arrays.append(array)
        _kept_bytes += array.nbytes
    return array
