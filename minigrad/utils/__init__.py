"""Utilities under PyTorch's import paths: :mod:`minigrad.utils.data` (``torch.utils.data``)."""
