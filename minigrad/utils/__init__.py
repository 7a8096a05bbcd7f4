"""Utilities under PyTorch's import paths: :mod:`minigrad.utils.data` (``torch.utils.data``)."""

from . import data

__all__ = ["data"]
