"""minigrad: deep learning built from scratch, small enough to read, fast enough to use.

The ladder, one module a rung: ``autograd`` (backpropagation) → ``scalar``
(``Value`` and scalar networks) → ``tensor`` (``Tensor``) → ``functional``
(layers and losses as functions) → ``gradcheck`` (are the gradients right?).

PyTorch's names work at the top level: the factories (``minigrad.tensor``, ``zeros``,
``randn``..., from :mod:`minigrad.creation`), the functions (``minigrad.exp``, ``cat``,
``where``..., from :mod:`minigrad.functions`) and the dtypes (``minigrad.float32``...).
As in PyTorch, ``minigrad.tensor`` is the factory function; the module that defines
``Tensor`` stays importable as ``from minigrad.tensor import Tensor``.
"""

from . import functional
from .autograd import backpropagate, is_grad_enabled, no_grad, set_grad_enabled, topological_order
from .creation import *  # noqa: F403
from .creation import __all__ as _creation
from .conversions import device
from .dtypes import bool_ as bool  # noqa: A001 (PyTorch's name: minigrad.bool)
from .dtypes import float_ as float  # noqa: A001 (torch.float is float32)
from .dtypes import int_ as int  # noqa: A001 (torch.int is int32)
from .dtypes import double, float16, float32, float64, half, int8, int16, int32, int64, long, short, uint8
from .functions import *  # noqa: F403
from .functions import __all__ as _functions
from .gradcheck import gradcheck
from .graph_drawing import draw_graph, to_dot
from .randomness import manual_seed
from .scalar import Value, weighted_sum
from .serialization import load, save
from .tensor import Tensor

__all__ = [
    "Value", "weighted_sum", "Tensor", "functional", "no_grad", "set_grad_enabled",
    "is_grad_enabled", "gradcheck", "backpropagate", "topological_order", "draw_graph", "to_dot",
    "manual_seed", "save", "load", *_creation, *_functions,
    "float32", "float64", "double", "float16", "half", "int64", "long", "int32", "int16", "short",
    "int8", "uint8", "bool", "float", "int", "device",
]
__version__ = "0.1.0"

# Loaded on first use (``minigrad.nn.Linear`` after ``import minigrad``), so that
# ``import minigrad`` stays fast and never imports matplotlib.
_SUBMODULES = ("nn", "optim", "data", "text", "train", "viz", "utils")


def __getattr__(name: str):
    if name in _SUBMODULES:
        import importlib
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
