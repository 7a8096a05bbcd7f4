"""``minigrad.nn.functional`` is :mod:`minigrad.functional`, under PyTorch's import path.

So that ``import torch.nn.functional as F`` ports as ``import minigrad.nn.functional as F``.
"""

from ..functional import *  # noqa: F401,F403
from ..functional import __all__  # noqa: F401
