"""minigrad: deep learning built from scratch, small enough to read, fast enough to use.

The ladder, one module a rung: ``autograd`` (backpropagation) → ``scalar``
(``Value`` and scalar networks) → ``tensor`` (``Tensor``) → ``functional``
(layers and losses as functions) → ``gradcheck`` (are the gradients right?).
"""

from . import functional
from .autograd import backpropagate, is_grad_enabled, no_grad, set_grad_enabled, topological_order
from .gradcheck import gradcheck
from .graph import draw_graph, to_dot
from .randomness import manual_seed
from .scalar import Value, weighted_sum
from .serialization import load, save
from .tensor import Tensor, cat, ones, randn, stack, zeros

__all__ = [
    "Value", "weighted_sum", "Tensor", "cat", "stack", "zeros", "ones", "randn",
    "functional", "no_grad", "set_grad_enabled", "is_grad_enabled", "gradcheck", "backpropagate", "topological_order",
    "draw_graph", "to_dot", "manual_seed", "save", "load",
]
__version__ = "0.1.0"

# Loaded on first use (``minigrad.nn.Linear`` after ``import minigrad``), so that
# ``import minigrad`` stays fast and never imports matplotlib.
_SUBMODULES = ("nn", "optim", "data", "text", "train", "viz")


def __getattr__(name: str):
    if name in _SUBMODULES:
        import importlib
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
