"""Optimisers: turn gradients into parameter updates (``import minigrad.optim as optim``).

Updates happen in place on each parameter's array, through buffers allocated
once per parameter, so a training step creates no parameter-sized temporaries.
Parameters whose ``grad`` is None (unused, or frozen) are left alone.
"""

from __future__ import annotations

from typing import Iterable

import numpy as np

from .tensor import Tensor


class Optimizer:
    def __init__(self, params: Iterable[Tensor], lr: float) -> None:
        name = type(self).__name__
        if isinstance(params, Tensor) or not hasattr(params, "__iter__"):
            raise TypeError(f"{name}: expected an iterable of tensors such as model.parameters(), "
                            f"got a {type(params).__name__}")
        self.params = list(params)
        if not self.params:
            raise ValueError(f"{name}: got an empty parameter list")
        for i, p in enumerate(self.params):
            if not isinstance(p, Tensor) or not p.requires_grad:
                what = type(p).__name__ if not isinstance(p, Tensor) else "tensor without requires_grad"
                raise TypeError(f"{name}: parameter {i} is a {what}; "
                                f"optimisers update tensors that require grad")
        if lr <= 0:
            raise ValueError(f"{type(self).__name__}: learning rate must be positive, got {lr}")
        self.lr = lr
        self._scratch = [np.empty_like(p.data) for p in self.params]

    def zero_grad(self) -> None:
        for p in self.params:
            p.grad = None

    def _gradient(self, i: int, p: Tensor, weight_decay: float) -> np.ndarray:
        """p.grad, plus weight_decay · p (the gradient of an L2 penalty) in the scratch buffer."""
        if not weight_decay:
            return p.grad
        g = np.multiply(p.data, weight_decay, out=self._scratch[i])
        g += p.grad
        return g


class SGD(Optimizer):
    """Stochastic gradient descent, with optional momentum (PyTorch's form).

    v ← μ v + g;  p ← p − lr · v   (without momentum: p ← p − lr · g)
    """

    def __init__(self, params: Iterable[Tensor], lr: float, momentum: float = 0.0,
                 weight_decay: float = 0.0) -> None:
        super().__init__(params, lr)
        if not 0.0 <= momentum < 1.0 or weight_decay < 0:
            raise ValueError(f"SGD: need 0 ≤ momentum < 1 and weight_decay ≥ 0, "
                             f"got momentum={momentum}, weight_decay={weight_decay}")
        self.momentum, self.weight_decay = momentum, weight_decay
        self._velocity = [np.zeros_like(p.data) for p in self.params] if momentum else None

    def step(self) -> None:
        for i, p in enumerate(self.params):
            if p.grad is None:
                continue
            g = self._gradient(i, p, self.weight_decay)
            if self.momentum:
                v = self._velocity[i]
                v *= self.momentum
                v += g
                g = v
            step = np.multiply(g, self.lr, out=self._scratch[i])
            p.data -= step


class Adam(Optimizer):
    """Adam: momentum on the gradient and on its square, with bias correction.

    m ← β₁ m + (1 − β₁) g;  v ← β₂ v + (1 − β₂) g²
    p ← p − lr · m̂ / (√v̂ + ε),  m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)
    """

    def __init__(self, params: Iterable[Tensor], lr: float = 1e-3, betas: tuple = (0.9, 0.999),
                 eps: float = 1e-8, weight_decay: float = 0.0) -> None:
        super().__init__(params, lr)
        if not all(0.0 <= b < 1.0 for b in betas) or len(betas) != 2 or eps <= 0 or weight_decay < 0:
            raise ValueError(f"Adam: need two betas in [0, 1), eps > 0 and weight_decay ≥ 0, "
                             f"got betas={betas}, eps={eps}, weight_decay={weight_decay}")
        self.betas, self.eps, self.weight_decay = betas, eps, weight_decay
        self._m = [np.zeros_like(p.data) for p in self.params]
        self._v = [np.zeros_like(p.data) for p in self.params]
        self._t = [0] * len(self.params)

    def step(self) -> None:
        b1, b2 = self.betas
        for i, p in enumerate(self.params):
            if p.grad is None:
                continue
            g = self._gradient(i, p, self.weight_decay)
            self._t[i] += 1
            m, v, s = self._m[i], self._v[i], self._scratch[i]
            m -= g              # m ← β₁ m + (1 − β₁) g = β₁ (m − g) + g, without a temporary
            m *= b1
            m += g
            v *= b2
            np.multiply(g, g, out=s)
            s *= 1 - b2
            v += s
            # lr·m̂/(√v̂+ε) = (lr/(1−β₁ᵗ)) · m / (√v / √(1−β₂ᵗ) + ε)
            np.sqrt(v, out=s)
            s /= np.sqrt(1 - b2 ** self._t[i])
            s += self.eps
            np.divide(m, s, out=s)
            s *= self.lr / (1 - b1 ** self._t[i])
            p.data -= s
