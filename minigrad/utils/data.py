"""Datasets and the loader that cuts them into mini-batches, as ``torch.utils.data``.

- :class:`Dataset`: anything with ``len(dataset)`` samples and ``dataset[i]``, sample ``i``.
- :class:`TensorDataset`: tensors of equal length seen as one dataset; sample ``i`` is the
  tuple of their ``i``-th rows.
- :class:`DataLoader`: mini-batches of a dataset, shuffled reproducibly. It also takes numpy
  arrays directly, ``DataLoader(X, y, batch_size=32)``, and then gives numpy batches.
"""

from __future__ import annotations

from typing import Any, Iterator

import numpy as np

from ..randomness import generator
from ..tensor import Tensor

__all__ = ["Dataset", "TensorDataset", "DataLoader"]


class Dataset:
    """Base class: a subclass defines ``__len__`` (the number of samples) and ``__getitem__``
    (sample ``i``, usually an ``(input, target)`` tuple of arrays, Tensors or numbers)."""

    def __getitem__(self, index: int) -> Any:
        raise NotImplementedError(f"{type(self).__name__} must define __getitem__")

    def __len__(self) -> int:
        raise NotImplementedError(f"{type(self).__name__} must define __len__")


class TensorDataset(Dataset):
    """Tensors (or arrays, made Tensors) of the same length N; sample ``i`` is
    ``tuple(t[i] for t in tensors)``. ``tensors`` keeps them."""

    def __init__(self, *tensors: Tensor | np.ndarray) -> None:
        if not tensors:
            raise ValueError("TensorDataset: give at least one tensor")
        self.tensors = tuple(t if isinstance(t, Tensor) else Tensor(np.asarray(t)) for t in tensors)
        lengths = [len(t.data) for t in self.tensors]
        if len(set(lengths)) > 1:
            raise ValueError(f"TensorDataset: the tensors must have the same length, got {lengths}")

    def __getitem__(self, index: Any) -> tuple[Tensor, ...]:
        return tuple(Tensor(t.data[index]) for t in self.tensors)

    def __len__(self) -> int:
        return len(self.tensors[0].data)


def _collate(samples: list) -> Any:
    """A batch from a list of samples: tuples field by field, each field stacked into a Tensor."""
    first = samples[0]
    if isinstance(first, (tuple, list)):
        return tuple(_collate([s[k] for s in samples]) for k in range(len(first)))
    return Tensor(np.stack([np.asarray(s.data if isinstance(s, Tensor) else s) for s in samples]))


class DataLoader:
    """Iterate over mini-batches of ``batch_size`` samples (the last one may be smaller unless
    ``drop_last``).

    Two ways to give the data:

    * ``DataLoader(dataset, batch_size=1, ...)`` or ``DataLoader(dataset, 64)``, as in PyTorch: ``dataset`` is a
      :class:`Dataset` or anything with ``len()`` and ``[i]``; a batch stacks the samples
      ``dataset[i]`` into a Tensor, or into a tuple of Tensors (one per field) when samples are
      tuples. A :class:`TensorDataset` is sliced directly, without a Python loop over samples.
    * ``DataLoader(X, y, batch_size=32, ...)``, numpy arrays of the same length: each batch is
      a pair of numpy arrays ``(xb, yb)`` (Tensors given as ``X`` or ``y`` are read as their
      arrays). Without shuffling, batches are views (slices) of ``X`` and ``y``; with
      shuffling, one gather ``X[indices]``. Do not modify a batch in place unless you mean to
      modify ``X``. ``dataset`` is then ``TensorDataset(X, y)``, sharing their memory.

    ``shuffle=True`` visits the samples in a new random order every epoch (each pass of a
    ``for`` loop). With a ``seed`` the loader owns its generator, so the sequence of epoch orders
    is the same for every loader built with that seed; with ``seed=None`` it draws from
    minigrad's generator, which :func:`minigrad.manual_seed` controls. ``len(loader)`` is the
    number of batches in an epoch.
    """

    def __init__(self, dataset: Any, y: Any = None, batch_size: int = 1, shuffle: bool = False,
                 seed: int | None = None, drop_last: bool = False) -> None:
        if isinstance(y, (int, np.integer)) and not isinstance(y, bool) and isinstance(dataset, Dataset):
            y, batch_size = None, y  # PyTorch's DataLoader(dataset, 64)
        if isinstance(y, (int, np.integer)) and not isinstance(y, bool):
            raise TypeError(f"DataLoader: pass the batch size by name (batch_size={y!r}); a "
                            f"second positional argument is the targets y of DataLoader(X, y)")
        if y is None and not (hasattr(dataset, "__getitem__") and hasattr(dataset, "__len__")):
            raise TypeError(f"DataLoader: expected a Dataset (len() and [i]) or arrays X and y, "
                            f"got a {type(dataset).__name__}")
        if y is not None and isinstance(dataset, Dataset):
            raise TypeError("DataLoader: a Dataset already holds its targets; give it alone, "
                            "DataLoader(dataset, batch_size=...)")
        self.arrays: tuple[np.ndarray, np.ndarray] | None = None
        if y is not None:
            X, y = (np.asarray(a.data if isinstance(a, Tensor) else a) for a in (dataset, y))
            if len(X) != len(y):
                raise ValueError(f"DataLoader: X has {len(X)} samples but y has {len(y)}")
            self.arrays = X, y
            dataset = TensorDataset(X, y)
        if not isinstance(batch_size, (int, np.integer)) or batch_size < 1:
            raise ValueError(f"DataLoader: batch_size must be a positive integer, "
                             f"got {batch_size!r}")
        self.dataset = dataset
        self.batch_size, self.shuffle, self.drop_last = int(batch_size), shuffle, drop_last
        self._rng = None if seed is None else np.random.default_rng(seed)

    def __len__(self) -> int:
        """The number of batches in an epoch."""
        n, b = len(self.dataset), self.batch_size
        return n // b if self.drop_last else -(-n // b)

    def _indices(self) -> Iterator[slice | np.ndarray]:
        """Which samples each batch takes: slices in order, or index arrays of a permutation."""
        n, b = len(self.dataset), self.batch_size
        stop = n - n % b if self.drop_last else n
        if not self.shuffle:
            for start in range(0, stop, b):
                yield slice(start, start + b)
            return
        # drawn when the epoch starts, so manual_seed between loops takes effect
        rng = generator() if self._rng is None else self._rng
        order = rng.permutation(n)
        for start in range(0, stop, b):
            yield order[start:start + b]

    def __iter__(self) -> Iterator[Any]:
        for index in self._indices():
            if self.arrays is not None:
                yield tuple(a[index] for a in self.arrays)
            elif isinstance(self.dataset, TensorDataset):
                yield self.dataset[index]
            else:
                rows = range(len(self.dataset))[index] if isinstance(index, slice) else index
                yield _collate([self.dataset[int(i)] for i in rows])

    def __repr__(self) -> str:
        return (f"DataLoader({len(self.dataset)} samples, batch_size={self.batch_size}, "
                f"shuffle={self.shuffle}, drop_last={self.drop_last}, {len(self)} batches)")
