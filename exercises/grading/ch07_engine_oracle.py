"""The grader's own references for chapter 7's engine exercises (test_ch07_engine.py); not an
exercise.

Its numpy references, written differently from the reference solutions (the cross-entropy as
log-sum-exp through np.logaddexp minus a weighted sum of the scores, products through np.einsum,
each example's gradient share built as a whole outer product), the inputs the exercises are
graded on, the grader's own runs of gradient descent and of Adam, and the capstone's training
harness, which swaps the learner's pieces for the references.
"""

from __future__ import annotations

import numpy as np

from minigrad import Tensor, optim

# --- the references ----------------------------------------------------------------
def reference_loss(logits, target, label_smoothing=0.0, ignore_index=-100) -> float:
    """PyTorch's mean cross-entropy, in float64 and without a softmax.

    q_i adds up to 1, so a row's −Σ_j q_ij log softmax(z_i)_j is logsumexp(z_i) − Σ_j q_ij z_ij:
    the right class's score weighs 1 − ε more than the others, and each weighs ε/C.
    """
    target = np.asarray(target)
    counted = target != ignore_index
    z, y = np.asarray(logits, dtype=np.float64)[counted], target[counted]
    right = np.take_along_axis(z, y[:, None], axis=1)[:, 0]
    losses = (np.logaddexp.reduce(z, axis=1) - (1 - label_smoothing) * right
              - label_smoothing * z.mean(axis=1))
    return float(np.sum(losses) / len(y))


def reference_cross_entropy(logits, target):
    """(loss, grad) with the defaults: the piece that train_digits' diagnosis swaps in."""
    log_probs = logits - np.logaddexp.reduce(logits, axis=1, keepdims=True)
    one_hot = np.eye(logits.shape[1])[target]
    return reference_loss(logits, target), (np.exp(log_probs) - one_hot) / len(target)


def reference_linear(x, weight, bias):
    out = np.einsum("...i,oi->...o", x, weight) + bias
    def backward(grad):
        rows, inputs = grad.reshape(-1, len(bias)), x.reshape(-1, x.shape[-1])  # examples
        return (np.einsum("...o,oi->...i", grad, weight), np.einsum("no,ni->oi", rows, inputs),
                rows.sum(axis=0))
    return out, backward


REFERENCES = {"linear": reference_linear, "cross_entropy": reference_cross_entropy}


# --- the inputs of 7.4 cross_entropy and of the capstone's linear ----------------------
def random_logits(rng):
    n, c = (int(v) for v in rng.integers(1, 7, size=2))
    scale = rng.choice([0.1, 1.0, 10.0, 1e4])
    logits = np.round(rng.normal(size=(n, c)) * scale + rng.choice([0.0, 1e4, -1e4]), 3)
    return logits, rng.integers(0, c, size=n)


def random_options(rng, logits, target):
    """``target`` with some rows ignored (never all) and the options that say so, drawn."""
    n, c = logits.shape
    options = {}
    if rng.random() < 0.7:
        options["label_smoothing"] = float(rng.choice([0.05, 0.1, 0.3, 0.5, 1.0]))
    if rng.random() < 0.7:
        # The default, another negative, one past every class (255, as in segmentation masks)
        # and a real class: an ignored row's target need not be a class at all.
        ignore = int(rng.choice([-100, -1, 255] + ([int(rng.integers(c))] if c > 1 else [])))
        target = np.where(rng.random(n) < 0.4, ignore, target)
        if np.all(target == ignore):
            target[rng.integers(n)] = (ignore + 1) % c
        if ignore != -100 or rng.random() < 0.5:  # the default, sometimes said out loud
            options["ignore_index"] = ignore
    return target, options


AWKWARD_LOGITS = [  # (logits, target): overflow, underflow, rows far apart, one class
    (np.array([[1e4, 0.0, -1e4]]), [0]),
    (np.array([[1e4, 0.0, -1e4]]), [2]),
    (np.array([[-1e4, -1e4 + 1.0], [1e4, 1e4 - 2.0]]), [0, 1]),
    (np.array([[0.0, 1.0, 2.0], [-1e4, -1e4 - 1.0, -1e4 - 2.0]]), [2, 1]),   # one max fails
    (np.array([[3.0, 3.0, 3.0, 3.0]]), [1]),
    (np.array([[5.0], [-2.0]]), [0, 0]),                                      # loss 0
    (np.array([[710.0, 0.0], [0.0, 710.0], [2.0, 1.0]]), [1, 1, 0]),
    (np.array([[1000.0, 0.0, -1000.0], [0.0, 1000.0, 999.0]]), [2, 2]),
]

IGNORED = [  # (logits, target, options): which rows count, and what the mean divides by
    (np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [0.0, 0.0, 9.0]]), [2, -100, 0], {}),
    (np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [0.0, 0.0, 9.0]]), [2, 1, 1],
     {"ignore_index": 1}),
    (np.array([[0.5, -1.0], [2.0, 2.0], [1000.0, 0.0]]), [255, 0, 255],
     {"ignore_index": 255, "label_smoothing": 0.1}),
    (np.array([[3.0, 1.0], [1.0, 3.0], [0.0, 0.0], [-2.0, 7.0]]), [-1, 0, -1, 1],
     {"ignore_index": -1, "label_smoothing": 0.2}),
]

EVERY_ROW_IGNORED = [
    (np.array([[1.0, 2.0], [3.0, 4.0]]), [-100, -100], {}),
    (np.array([[1.0, 2.0, 3.0]]), [2], {"ignore_index": 2, "label_smoothing": 0.1}),
]


def linear_case(rng, batch):
    n_in, n_out = (int(v) for v in rng.integers(1, 5, size=2))
    x = np.round(rng.normal(size=(*batch, n_in)), 2)
    weight, bias = np.round(rng.normal(size=(n_out, n_in)), 2), np.round(rng.normal(size=n_out), 2)
    return x, weight, bias, np.round(rng.normal(size=(*batch, n_out)), 2)


LINEAR_BATCHES = [(), (1,), (5,), (2, 3), (2, 1, 2)]


# --- 7.5 example_gradient_norms ------------------------------------------------------------
def reference_norms(x, grad):
    """Each example's share of (dweight, dbias), built whole, then measured."""
    shares = np.einsum("no,ni->noi", grad, x)                       # g_i x_iᵀ, one per example
    return np.sqrt(np.sum(shares ** 2, axis=(1, 2)) + np.sum(grad ** 2, axis=1))


NORM_CASES = [  # (x, grad): one input, one output, a zero row, inputs of very different sizes
    (np.array([[3.0, 4.0]]), np.array([[1.0]])),
    (np.array([[1.0], [0.0], [-2.0]]), np.array([[2.0, -1.0], [1.0, 1.0], [0.0, 0.0]])),
    (np.array([[0.1, 0.2, 0.3], [10.0, 20.0, 30.0]]), np.array([[1.0, 2.0], [1.0, 2.0]])),
]


# --- 7.6 largest_stable_lr ----------------------------------------------------------------
def stable_lr_cases(rng):
    """Hessians: 1 × 1, diagonal, and rotated ones whose diagonal hides the largest curvature."""
    cases = [np.array([[a]]) for a in (1.0, 4.0, 0.3, 250.0)]
    cases += [np.diag(d) for d in ([1.0, 10.0], [7.0, 0.5], [2.0, 2.0, 30.0])]
    for n in (2, 2, 3, 5):
        q, _ = np.linalg.qr(rng.normal(size=(n, n)))                 # a random rotation
        curvatures = np.exp(rng.uniform(np.log(0.1), np.log(100.0), size=n))
        cases.append(np.round((q * curvatures) @ q.T, 6))            # H = Q diag(λ) Qᵀ
    return [(h + h.T) / 2 for h in cases]


def reference_stable_lr(hessian, momentum=0.0) -> float:
    """Jury's test on each direction's 2 × 2 step matrix (det μ, trace 1 + μ − lr·λ): |trace| < 1 + μ."""
    sharpest = float(np.max(np.linalg.eigvals(hessian).real))   # numpy's general solver
    return (1.0 + momentum) * 2.0 / sharpest


def gd_growth(hessian, lr, momentum, steps=400) -> float:
    """How many times longer w is after ``steps`` of gradient descent with momentum."""
    w = np.ones(len(hessian)) / np.sqrt(len(hessian))
    v = np.zeros_like(w)
    with np.errstate(all="ignore"):
        for _ in range(steps):
            v = momentum * v + hessian @ w
            w = w - lr * v
        return float(np.linalg.norm(w))


# --- 7.7 uncorrected_adam_ratio ----------------------------------------------------------
ADAM_STEP = optim.Adam.step  # taken before the autouse fixture switches it off


def measured_ratio(step: int, betas, rng) -> float:
    """Step ``step`` of an Adam without corrections over that of minigrad's Adam, measured.

    Both run ``step`` steps on the same random gradients (ε = 0 for the grader's, a negligible
    1e-300 for minigrad's, which refuses 0); the ratio must be one number for every weight.
    """
    shape = tuple(int(v) for v in rng.integers(1, 4, size=2))
    scale = float(rng.choice([1e-3, 1.0, 100.0]))
    lr = float(rng.choice([1e-3, 1e-2]))
    weight = Tensor(np.zeros(shape), requires_grad=True)
    adam = optim.Adam([weight], lr=lr, betas=betas, eps=1e-300)
    m, s = np.zeros(shape), np.zeros(shape)
    for k, g in enumerate(rng.normal(size=(step, *shape)) * scale, start=1):
        before = weight.data.copy()
        weight.grad = Tensor(g)
        ADAM_STEP(adam)
        m, s = betas[0] * m + (1 - betas[0]) * g, betas[1] * s + (1 - betas[1]) * g ** 2
        if k == 1:  # the corrections' promise: a first step of lr for every weight, downhill
            assert np.allclose(weight.data - before, -lr * np.sign(g), rtol=1e-9, atol=0)
    ratios = (lr * np.abs(m) / np.sqrt(s)) / np.abs(weight.data - before)
    assert np.allclose(ratios, ratios.flat[0], rtol=1e-8), ratios  # the grader's own check
    return float(ratios.flat[0])


# --- 7.8 train_digits: the capstone's training, with pieces swapped ---------------------
PIECES = ("linear", "cross_entropy")


def train(submission, digits, swaps=None, calls=None):
    """``predict`` and its held-out scores, with the pieces in ``swaps`` replaced (None: failed).

    The pieces are swapped where train_digits looks them up: its module's global names.
    ``calls``, if given, counts how often each piece was called; errors then propagate.
    """
    X_train, X_test, y_train, y_test = digits
    names = submission.train_digits.__globals__
    saved = {name: names[name] for name in PIECES if name in names}
    def counted(name, function):
        def piece(*args, **kwargs):
            calls[name] = calls.get(name, 0) + 1
            return function(*args, **kwargs)
        return piece
    for name, function in {**saved, **(swaps or {})}.items():
        names[name] = counted(name, function) if calls is not None else function
    try:
        with np.errstate(all="ignore"):
            predict = submission.train_digits(X_train, y_train, seed=0)
            return predict, predict(X_test) if callable(predict) else None
    except Exception:
        if calls is not None:
            raise
        return None, None
    finally:
        names.update(saved)


def accuracy_of(scores, y_test) -> float | None:
    if scores is None or np.shape(scores) != (len(y_test), 10):
        return None
    return float(np.mean(np.asarray(scores).argmax(axis=1) == y_test))
