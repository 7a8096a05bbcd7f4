"""minigrad: deep learning built from scratch, small enough to read, fast enough to use.

The ladder, one module a rung: ``autograd`` (backpropagation) → ``scalar``
(``Value`` and scalar networks) → ``graph`` (pictures of computations).
"""

from .autograd import backpropagate, topological_order
from .graph import draw_graph, to_dot
from .randomness import manual_seed
from .scalar import Value, weighted_sum

__all__ = [
    "Value", "weighted_sum", "backpropagate", "topological_order",
    "draw_graph", "to_dot", "manual_seed",
]
__version__ = "0.1.0"
