"""Check analytic gradients against numerical ones: the test every operation must pass."""

from __future__ import annotations

from typing import Callable

import numpy as np

from .autograd import no_grad
from .tensor import Tensor


def gradcheck(fn: Callable[..., Tensor], *inputs: Tensor, eps: float = 1e-6,
              atol: float = 1e-5, rtol: float = 1e-3) -> bool:
    """Compare backpropagation with central differences, entry by entry.

    For every input that requires grad and every entry x of it::

        numerical = (L(x + eps) − L(x − eps)) / (2 eps),   L = fn(*inputs).sum()

    must match the analytic dL/dx within ``atol + rtol·|numerical|``. Inputs that
    require grad must be float64 (float32 rounding would swamp the difference).
    ``fn`` must be deterministic. Returns True, or raises AssertionError naming
    the input, the worst entry and both values, or, when the backward pass cannot
    even run (e.g. an operation returns a gradient of the wrong shape), the reason.
    """
    checked = [i for i, t in enumerate(inputs) if isinstance(t, Tensor) and t.requires_grad]
    if not checked:
        raise ValueError("gradcheck: no input requires grad; create one with requires_grad=True")
    for i in checked:
        if inputs[i].dtype != np.float64:
            raise ValueError(f"gradcheck: input {i} is {inputs[i].dtype}; finite differences need "
                             f"float64: Tensor(x, dtype=np.float64, requires_grad=True)")

    def loss() -> float:
        return float(fn(*inputs).data.sum())

    for i in checked:
        inputs[i].grad = None
    out = fn(*inputs)
    try:
        (out if out.numel() == 1 else out.sum()).backward()
    except ValueError as e:  # the engine checks every gradient's shape against its input's
        raise AssertionError(f"gradcheck: the backward pass failed: {e}") from e

    for i in checked:
        x = inputs[i]
        analytic = x.grad.data if x.grad is not None else np.zeros_like(x.data)
        numerical = np.zeros_like(x.data)
        flat = x.data.reshape(-1)  # a view: perturbing it perturbs the input
        with no_grad():
            for k in range(flat.size):
                saved = flat[k]
                flat[k] = saved + eps
                up = loss()
                flat[k] = saved - eps
                down = loss()
                flat[k] = saved
                numerical.reshape(-1)[k] = (up - down) / (2 * eps)
        excess = np.abs(analytic - numerical) - (atol + rtol * np.abs(numerical))
        if excess.size and excess.max() > 0:
            worst = tuple(int(i) for i in np.unravel_index(np.argmax(excess), x.shape))
            raise AssertionError(f"gradcheck: input {i} (shape {x.shape}), entry {worst}: "
                                 f"analytic gradient {analytic[worst]:.8g}, "
                                 f"numerical {numerical[worst]:.8g}")
    return True
