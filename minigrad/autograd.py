"""Reverse-mode automatic differentiation: the one routine both engines share.

A *node* is any object with

* ``_parents`` — a tuple of the nodes it was computed from (empty for a leaf);
* ``_propagate()`` — sends its own ``grad`` to its parents, multiplied by the
  local derivative of the operation that made it (the chain rule, one step);
* ``_begin_backward(order)`` (a classmethod) — prepares a pass, e.g. clears the
  gradients of intermediate nodes so that a second pass does not double them;
* ``_accumulate(seed)`` — adds ``seed`` to the node's own gradient: how the root
  receives d(root)/d(root) (and, inside ``_propagate``, how each parent receives
  its share);

and Python's default hashing, by identity (a node class that defines ``__eq__``
must keep ``__hash__ = object.__hash__``): the search below keeps a set of nodes.

``backpropagate`` orders the graph so that every node comes after its parents
(a topological order), seeds the root, then walks the order backwards: when a
node propagates, every node that used it has already added its share to its
gradient. The scalar :class:`~minigrad.scalar.Value` and the
:class:`~minigrad.tensor.Tensor` both go through here.
"""

from __future__ import annotations

import functools
from typing import Any, Callable


def topological_order(root: Any) -> list:
    """Return the nodes that ``root`` depends on, parents before children.

    Iterative depth-first search: a Python recursion would stop at about a
    thousand nested operations, and a training graph easily has more. The
    stack holds each node on the current path with an iterator over the
    parents it has yet to visit; a node is done when its iterator runs out.
    """
    order: list = []
    visited = {root}
    stack = [(root, iter(root._parents))]
    while stack:
        node, parents = stack[-1]
        for parent in parents:
            if parent not in visited:
                visited.add(parent)
                stack.append((parent, iter(parent._parents)))
                break
        else:  # every parent is done
            stack.pop()
            order.append(node)
    return order


def backpropagate(root: Any, seed: Any) -> list:
    """Accumulate d(root)/d(node) into ``node.grad`` for every node behind ``root``.

    ``seed`` is d(root)/d(root): 1 for a scalar output, or the gradient of some
    later quantity with respect to ``root``. Returns the nodes in topological
    order, for an engine that wants to free the graph afterwards.
    """
    order = topological_order(root)
    type(root)._begin_backward(order)
    root._accumulate(seed)
    for node in reversed(order):
        if node._parents:
            node._propagate()
    return order


class grad_mode:
    """The switch every tensor operation reads before recording: ``grad_mode.enabled``.

    Change it with ``no_grad()`` or ``set_grad_enabled(mode)``; read it with
    ``is_grad_enabled()``. (The scalar ``Value`` always records; it is for small,
    explained graphs.)
    """

    enabled = True


def is_grad_enabled() -> bool:
    """True when tensor operations record the graph (the default), as in PyTorch."""
    return grad_mode.enabled


class set_grad_enabled:
    """``set_grad_enabled(False)`` stops recording, ``set_grad_enabled(True)`` resumes it.

    As in PyTorch it is also a context manager: ``with set_grad_enabled(training):``
    restores the previous mode at the end of the block.
    """

    def __init__(self, mode: bool) -> None:
        self._previous = grad_mode.enabled
        grad_mode.enabled = bool(mode)

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        grad_mode.enabled = self._previous


class no_grad:
    """``with no_grad():`` — tensor operations inside record no graph.

    Use it for evaluation and for updating parameters: nothing is kept for a
    backward pass, so it is faster and lighter. Also a decorator: ``@no_grad()``.
    """

    def __enter__(self) -> None:
        self._previous = grad_mode.enabled
        grad_mode.enabled = False

    def __exit__(self, *exc: object) -> None:
        grad_mode.enabled = self._previous

    def __call__(self, fn: Callable) -> Callable:
        @functools.wraps(fn)
        def without_grad(*args: Any, **kwargs: Any) -> Any:
            with no_grad():
                return fn(*args, **kwargs)
        return without_grad


_SYMBOLS = {"+": "add", "-": "sub", "*": "mul", "/": "div", "@": "mm", "**": "pow", "neg": "neg"}


class GradFn:
    """What ``tensor.grad_fn`` shows: the operation a result came from, named as in PyTorch
    (``<MulBackward0>``, ``<BinaryCrossEntropyWithLogitsBackward0>``)."""

    def __init__(self, op: str) -> None:
        op = "pow" if op.startswith("**") else _SYMBOLS.get(op, op)
        words = op.replace(" ", "_").split("_")
        self.name = "".join(w[:1].upper() + w[1:] for w in words if w) + "Backward0"

    def __repr__(self) -> str:
        return f"<{self.name}>"
