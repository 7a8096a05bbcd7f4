"""Chapter 7 exercises, part 2: the pieces of a training step, then a network trained on them.

A loss with its gradient, the size of each example's share of a layer's gradient, the largest
learning rate that gradient descent survives, what Adam's bias correction changes and, to
finish, a layer with its backward and a digits classifier that trains on these functions. Work
with numpy arrays: the grader switches off minigrad's backpropagation and optimisers, so the
numbers must come from your code. (Una pèrdua, la part de cada exemple en el gradient d'una
capa, la taxa d'aprenentatge límit, la correcció del biaix d'Adam i una xarxa entrenada amb
les teves peces.)

Replace each ``raise NotImplementedError`` with your code, then grade your work:

    pytest exercises/test_ch07_engine.py                     # feedback in English
    MINIGRAD_LANG=ca pytest exercises/test_ch07_engine.py    # comentaris en català
"""

from __future__ import annotations

from typing import Callable

import numpy as np


def cross_entropy(logits: np.ndarray, target: np.ndarray, label_smoothing: float = 0.0,
                  ignore_index: int = -100) -> tuple[float, np.ndarray]:
    """The mean cross-entropy of ``logits`` (N, C) for classes ``target`` (N,), and its gradient.

    As PyTorch's ``F.cross_entropy`` computes it, with two of its options. ``label_smoothing``
    ε scores row i against the target distribution q_i = (1 − ε)·one_hot(y_i) + ε/C instead
    of one_hot(y_i): the row's loss is −Σ_j q_ij · log softmax(z_i)_j. A row whose target is
    ``ignore_index`` counts for nothing, and the mean is over the other rows; if every row is
    ignored, raise a ValueError that names cross_entropy (where PyTorch returns nan). The loss
    must stay finite for scores as large as ±10⁴. Return ``(loss, grad)``: the loss as a
    float, and dloss/dlogits, of shape (N, C). Do not modify ``logits`` or ``target``.
    (L'entropia creuada mitjana, amb suavitzat d'etiquetes i files ignorades, i el seu gradient.)
    """
    raise NotImplementedError("differentiate one row's loss by hand, q and all; which rows does the mean count?")


def linear(x: np.ndarray, weight: np.ndarray,
           bias: np.ndarray) -> tuple[np.ndarray, Callable]:
    """``out = x @ weight.T + bias`` and the function that maps dL/dout to the inputs' gradients.

    x: (..., in_features); weight: (out_features, in_features), as in PyTorch; bias:
    (out_features,); out: (..., out_features). Return ``(out, backward)``, where
    ``backward(grad)`` takes dL/dout (the shape of out) and returns ``(dx, dweight, dbias)``,
    each of the shape of its input; every axis of x but the last counts examples.
    Part of exercise 7.8, which trains a network on it. (La capa lineal, part de l'exercici 7.8:
    la seva sortida i la funció que en calcula els gradients.)
    """
    raise NotImplementedError("match shapes: which products of grad, x and weight give dx and dweight?")


def example_gradient_norms(x: np.ndarray, grad: np.ndarray) -> np.ndarray:
    """The size of each example's share of a linear layer's parameter gradient.

    The layer is Z = X Wᵀ + b, x is its input X (N, in_features) and grad is dL/dZ
    (N, out_features), whose row i, g_i, is example i's. The gradients dweight = Gᵀ X and
    dbias add up one share per example. Return an array (N,): entry i is the Euclidean norm
    of example i's share of the weight and the bias together, √(‖its dweight‖² + ‖its dbias‖²),
    where ‖·‖ adds up the squares of every entry. Do not modify ``x`` or ``grad``.
    (La mida de la part de cada exemple en el gradient dels paràmetres d'una capa lineal.)
    """
    raise NotImplementedError("write example i's share of Gᵀ X alone: what is its norm?")


def largest_stable_lr(hessian: np.ndarray, momentum: float = 0.0) -> float:
    """The learning rate above which gradient descent with momentum diverges on L(w) = ½ wᵀ H w.

    ``hessian`` is H, a symmetric positive-definite (n, n) array (for n = 1, L(w) = ½ λ w²).
    The steps are the chapter's: v ← momentum · v + ∇L(w), then w ← w − lr · v, with v = 0 at
    the start and 0 ≤ momentum < 1. Return the learning rate η* such that, from every start,
    w converges to the minimum 0 for every 0 < lr < η*, and, from almost every start, it
    diverges for every lr > η*. (La taxa d'aprenentatge límit en una quadràtica, amb moment.)
    """
    raise NotImplementedError("one step maps (w, v) to a matrix times (w, v): when do its powers shrink?")


def uncorrected_adam_ratio(step: int, betas: tuple[float, float] = (0.9, 0.999)) -> float:
    """How many times larger step number ``step`` (1, 2, ...) of Adam is without bias correction.

    Two runs of Adam on the same weights get the same gradients, from m = s = 0 and with
    ε = 0: one corrects the bias (m̂ = m / (1 − β₁ᵗ), ŝ = s / (1 − β₂ᵗ)), the other steps with
    m and s as they are. Return the size of the uncorrected run's step number ``step`` divided
    by the corrected run's, a float. (Quantes vegades més gran és el pas sense la correcció.)
    """
    raise NotImplementedError("write m and s after t steps as sums over the gradients; then divide")


def train_digits(X_train: np.ndarray, y_train: np.ndarray,
                 seed: int = 0) -> Callable[[np.ndarray], np.ndarray]:
    """Train an MLP on the digits with the functions above; return its ``predict``.

    X_train: (N, 64) pixels in [0, 1]; y_train: (N,) digits. Build the parameters of a
    network of ``linear`` layers with ReLUs between them (draw them from
    ``np.random.default_rng(seed)``), then train it on mini-batches with ``cross_entropy``
    and an optimiser's step that you write (Adam, or SGD with momentum), updating the
    parameters in place. Return a function that takes images (M, 64) and returns their
    scores (M, 10). The grader scores it on held-out digits, where it must reach 0.95
    accuracy in a few seconds: make your choices on a validation split carved from X_train.
    (Entrena una xarxa amb les teves peces i retorna la funció que puntua imatges noves; tria
    els hiperparàmetres amb una validació separada de X_train.)
    """
    raise NotImplementedError("initialise as Linear does; per batch: forward, loss, back, step")
