"""Memory for the tensor engine: a training step reuses what the previous step freed."""

from __future__ import annotations

import ctypes
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
    An opt-in for the whole process, never called by minigrad itself: conv2d and max_pool2d
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


_spare: dict[tuple, np.ndarray] = {}   # (shape, dtype) → the last array of that kind handed out
_MAX_SPARE = 32                        # kinds kept: a few per layer of a network


def reusable(shape: tuple, dtype: Any) -> np.ndarray:
    """An uninitialised array for a large temporary, the same memory every training step.

    Returns the array handed out last time for this shape and dtype when nothing uses it any
    more (only this cache refers to it), else a new one. Memory already touched needs no page
    faults, so a step's cost does not depend on how the process's malloc returns freed memory.
    Keeps one array per (shape, dtype) asked for, up to ``_MAX_SPARE`` of them.
    """
    key = (shape, np.dtype(dtype))
    array = _spare.get(key)
    # References: the cache, ``array`` here, getrefcount's argument. Anyone else is a user.
    if array is None or sys.getrefcount(array) > 3:
        array = np.empty(shape, dtype)
        if key in _spare or len(_spare) < _MAX_SPARE:
            _spare[key] = array
    return array

