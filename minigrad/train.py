"""The training loop, packaged: ``fit``, ``evaluate``, ``predict`` and the metrics they report.

``fit`` runs, for every mini-batch, the five steps the book first writes by hand::

    output = model(x)                  # forward
    loss = loss_fn(output, y)          # how wrong
    optimizer.zero_grad()              # forget the previous batch's gradients
    loss.backward()                    # dloss/dparameter for every parameter
    optimizer.step()                   # move the parameters downhill

and after each epoch measures the model on validation data in evaluation mode (dropout off)
without recording a graph. It returns a :class:`History`, Keras-style.
"""

from __future__ import annotations

import math
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, Sequence

import numpy as np

from . import functional as F
from .autograd import no_grad
from .tensor import Tensor

Metric = Callable[[np.ndarray, np.ndarray], float]
Data = Any  # a DataLoader (any iterable of (x, y) batches) or an (X, y) tuple of arrays


# --- metrics ------------------------------------------------------------------------------------
def _array(a: Any) -> np.ndarray:
    return np.asarray(a.data if isinstance(a, Tensor) else a)


def _classes(scores: np.ndarray, threshold: float | None) -> np.ndarray:
    """Class predictions from scores: an argmax over C > 1 columns, a threshold for one column."""
    if scores.dtype.kind in "iub":
        return scores.reshape(len(scores), -1)[:, 0] if scores.ndim > 1 else scores
    if scores.ndim == 2 and scores.shape[1] > 1:
        return scores.argmax(axis=1)
    scores = scores.reshape(len(scores))
    if threshold is None:  # probabilities live in [0, 1]; logits are centred on 0
        threshold = 0.5 if scores.size and scores.min() >= 0 and scores.max() <= 1 else 0.0
    return (scores >= threshold).astype(np.int64)


def accuracy(pred_or_logits: Any, y: Any, threshold: float | None = None) -> float:
    """The fraction of samples whose predicted class equals the label ``y`` (shape ``(N,)``).

    ``pred_or_logits`` may be integer class predictions ``(N,)``; scores ``(N, C)`` (logits or
    probabilities: the class is the argmax); or one score per sample ``(N,)`` or ``(N, 1)`` for
    two classes, read as class 1 when it reaches ``threshold``. Without a threshold, scores all
    in [0, 1] are taken for probabilities (threshold 0.5) and others for logits (threshold 0).
    """
    scores, labels = _array(pred_or_logits), _array(y)
    if len(scores) != len(labels) or labels.size != len(labels):
        raise ValueError(f"accuracy: predictions of shape {scores.shape} do not match labels of "
                         f"shape {labels.shape} (expected (N,) labels for N predictions)")
    labels = labels.reshape(len(labels))
    if labels.dtype.kind == "f" and not np.array_equal(labels, np.round(labels)):
        odd = labels[labels != np.round(labels)][0]
        raise ValueError(f"accuracy: labels must be whole class numbers, found {odd}; "
                         "for a regression, pass metrics=() to fit")
    if len(labels) == 0:
        return float("nan")
    return float(np.mean(_classes(scores, threshold) == labels))


def confusion_matrix(y_true: Any, y_pred: Any, num_classes: int | None = None) -> np.ndarray:
    """Counts ``M[i, j]`` of samples of true class ``i`` predicted as class ``j`` (rows: truth).

    Both inputs are integer classes of shape ``(N,)``; ``num_classes`` defaults to the largest
    class seen plus one. The diagonal holds the correct predictions.
    """
    t, p = _array(y_true).ravel(), _array(y_pred).ravel()
    if t.shape != p.shape:
        raise ValueError(f"confusion_matrix: y_true has {t.size} entries but y_pred has {p.size}")
    for name, a in (("y_true", t), ("y_pred", p)):
        if a.dtype.kind not in "iu" or (a.size and a.min() < 0):
            raise ValueError(f"confusion_matrix: {name} must hold non-negative integer classes, "
                             f"got dtype {a.dtype}" + (f" with minimum {a.min()}" if a.size else ""))
    seen = int(max(t.max(initial=-1), p.max(initial=-1))) + 1
    n = seen if num_classes is None else num_classes
    if n < seen:
        raise ValueError(f"confusion_matrix: num_classes={num_classes} but class {seen - 1} occurs")
    return np.bincount(t * n + p, minlength=n * n).reshape(n, n)


def _metric_functions(metrics: Sequence[str | Metric], loss_fn: Callable,
                      caller: str) -> dict[str, Metric]:
    """``"accuracy"`` or functions ``f(outputs, targets) -> float``, by name."""
    if isinstance(metrics, str):
        metrics = (metrics,)
    # A binary loss says how to read one score per sample: a logit (class 1 from 0 up) or a
    # probability (from 0.5 up). Guessing from the values alone can misread small logits.
    loss = getattr(loss_fn, "function", loss_fn)  # a loss module keeps its function there
    threshold = {F.binary_cross_entropy_with_logits: 0.0, F.binary_cross_entropy: 0.5}.get(loss)
    out: dict[str, Metric] = {}
    for m in metrics:
        if callable(m):
            out[m.__name__] = m
        elif m == "accuracy":
            out[m] = lambda scores, y: accuracy(scores, y, threshold)
        else:
            raise ValueError(f"{caller}: unknown metric {m!r}; use 'accuracy' "
                             "or a function f(outputs, targets) -> float")
    return out


# --- running a model over data ------------------------------------------------------------------
def _batches(data: Data, batch_size: int = 256) -> Iterator[tuple[Any, Any]]:
    """The ``(x, y)`` batches of a loader, or consecutive slices of an ``(X, y)`` tuple."""
    if isinstance(data, tuple) and len(data) == 2:
        X, y = data
        if len(X) != len(y):
            raise ValueError(f"evaluate: the (X, y) data has {len(X)} inputs but {len(y)} targets")
        for start in range(0, len(X), batch_size):
            yield X[start:start + batch_size], y[start:start + batch_size]
    else:
        yield from data


def _tensor(x: Any) -> Tensor:
    return x if isinstance(x, Tensor) else Tensor(np.asarray(x))


@contextmanager
def evaluating(model: Any) -> Iterator[Any]:
    """``with evaluating(model):`` runs the block in evaluation mode (dropout off) without
    recording a graph, then gives every sub-module back the mode it had (a frozen part left in
    evaluation mode stays there)."""
    modes = [(m, m.training) for m in model.modules()]
    model.eval()
    try:
        with no_grad():
            yield model
    finally:
        for m, mode in modes:
            m.training = mode


class _Totals:
    """Sample-weighted running means of the loss and the metrics over an epoch."""

    def __init__(self, metrics: dict[str, Metric]) -> None:
        self.metrics, self.n = metrics, 0
        self.sums = dict.fromkeys(["loss", *metrics], 0.0)

    def add(self, loss: float, output: np.ndarray, y: Any) -> None:
        n, y = len(output), _array(y)
        self.n += n
        self.sums["loss"] += loss * n
        for name, fn in self.metrics.items():
            self.sums[name] += fn(output, y) * n

    def means(self) -> dict[str, float]:
        return {k: v / self.n if self.n else float("nan") for k, v in self.sums.items()}


def evaluate(model: Any, loader: Data, loss_fn: Callable,
             metrics: Sequence[str | Metric] = ("accuracy",)) -> dict[str, float]:
    """Mean loss and metrics of ``model`` over ``loader`` (a loader or an ``(X, y)`` tuple).

    Runs inside :func:`evaluating` (evaluation mode, no graph, modes restored after). The
    loss is averaged over samples, which assumes ``loss_fn`` averages over its batch.
    Returns e.g. ``{"loss": 0.08, "accuracy": 0.97}``.
    """
    return _evaluate(model, loader, loss_fn, _metric_functions(metrics, loss_fn, "evaluate"))


def _evaluate(model: Any, loader: Data, loss_fn: Callable, metrics: dict[str, Metric]) -> dict[str, float]:
    totals = _Totals(metrics)
    with evaluating(model):
        for x, y in _batches(loader):
            output = model(_tensor(x))
            totals.add(loss_fn(output, y).item(), output.data, y)
    return totals.means()


def predict(model: Any, X: Any, batch_size: int = 256) -> np.ndarray:
    """The model's outputs for inputs ``X`` (N, ...) as one array, computed ``batch_size`` at a time.

    Runs inside :func:`evaluating`: evaluation mode, no graph, the modes restored afterwards.
    """
    X = _array(X)
    with evaluating(model):
        outputs = [model(Tensor(X[i:i + batch_size])).data for i in range(0, len(X), batch_size)]
    if not outputs:
        raise ValueError("predict: X holds no samples")
    return np.concatenate(outputs)


# --- history and early stopping -----------------------------------------------------------------
class History:
    """What ``fit`` measured, epoch by epoch.

    ``history["loss"]``, ``history["accuracy"]``, and with validation data ``history["val_loss"]``,
    ``history["val_accuracy"]``: lists with one value per epoch (Keras's names). ``epochs`` lists
    the epoch numbers run, from 1. ``best_epoch`` is the epoch whose weights early stopping kept
    (None without early stopping).
    """

    def __init__(self) -> None:
        self.history: dict[str, list[float]] = {}
        self.epochs: list[int] = []
        self.best_epoch: int | None = None

    def _append(self, epoch: int, logs: dict[str, float]) -> None:
        self.epochs.append(epoch)
        for key, value in logs.items():
            self.history.setdefault(key, []).append(value)

    def __repr__(self) -> str:
        last = ", ".join(f"{k}={v[-1]:.4g}" for k, v in self.history.items())
        return f"History({len(self.epochs)} epochs" + (f", last: {last})" if last else ")")


@dataclass
class EarlyStopping:
    """Stop when the validation loss has not improved for ``patience`` epochs in a row.

    An epoch improves when its ``val_loss`` is below the best so far by more than ``min_delta``.
    With ``restore_best_weights`` the model ends with the weights of its best epoch.
    """

    patience: int = 5
    min_delta: float = 0.0
    restore_best_weights: bool = True

    def __post_init__(self) -> None:
        if not isinstance(self.patience, int) or self.patience < 1:
            raise ValueError(f"EarlyStopping: patience must be a positive integer, got {self.patience!r}")
        if self.min_delta < 0:
            raise ValueError(f"EarlyStopping: min_delta must be >= 0, got {self.min_delta!r}")


# --- progress -----------------------------------------------------------------------------------
def _format(logs: dict[str, float]) -> str:
    return "  ".join(f"{k} {v:.4f}" for k, v in logs.items())


_PROGRESS_MODES = (True, False, "bar", "summary", "epoch")


class _Progress:
    """How ``fit`` reports: a live bar on stderr, redrawn with ``\\r`` (``"bar"``); about ten
    lines, the first, every ``epochs/10``-th and the last epoch (``"summary"``); one line per
    epoch (``"epoch"``); nothing (False). True picks "bar" on a terminal, "summary" elsewhere."""

    def __init__(self, progress: bool | str, epochs: int, batches: int | None) -> None:
        if progress not in _PROGRESS_MODES:
            raise ValueError(f"fit: progress must be one of {_PROGRESS_MODES}, got {progress!r}")
        if progress is True:
            progress = "bar" if sys.stderr.isatty() else "summary"
        self.mode, self.epochs, self.batches = progress, epochs, batches
        # the summary prints about ten epochs: enough to see the trend, short in a notebook
        self.every = max(1, math.ceil(epochs / 10))
        self.last_draw = 0.0

    def batch(self, epoch: int, done: int, started: float, totals: _Totals) -> None:
        if self.mode != "bar":
            return
        now = time.perf_counter()
        if now - self.last_draw < 0.1:  # redrawing costs; 10 a second is plenty
            return
        self.last_draw = now
        bar, eta = f"{done}", ""
        if self.batches:
            filled = 20 * done // self.batches
            bar = f"[{'=' * filled}{'.' * (20 - filled)}] {done}/{self.batches}"
            eta = f"  ETA {(now - started) / done * (self.batches - done):.1f}s"
        sys.stderr.write(f"\repoch {epoch}/{self.epochs} {bar}  {_format(totals.means())}{eta}\033[K")
        sys.stderr.flush()

    def epoch_end(self, epoch: int, logs: dict[str, float], seconds: float, last: bool) -> None:
        took = f"{seconds:.1f}s" if seconds >= 1 else f"{seconds * 1000:.0f}ms"
        line = f"epoch {epoch}/{self.epochs}  {_format(logs)}  {took}"
        if self.mode == "bar":
            sys.stderr.write(f"\r{line}\033[K\n")
            sys.stderr.flush()
        elif self.mode == "epoch" or (self.mode == "summary" and (
                epoch == 1 or epoch % self.every == 0 or last)):
            print(line, flush=True)

    def note(self, text: str) -> None:
        if self.mode:
            print(text, file=sys.stderr if self.mode == "bar" else sys.stdout, flush=True)


# --- the loop -----------------------------------------------------------------------------------
def fit(model: Any, loss_fn: Callable, optimizer: Any, train_loader: Iterable, epochs: int,
        val_data: Data | None = None, metrics: Sequence[str | Metric] = ("accuracy",),
        early_stopping: EarlyStopping | int | None = None,
        progress: bool | str = True) -> History:
    """Train ``model`` for ``epochs`` passes over ``train_loader``; return the :class:`History`.

    * ``train_loader`` yields ``(x, y)`` batches (numpy arrays or Tensors), e.g. a
      :class:`minigrad.data.DataLoader`; ``val_data`` is another loader or an ``(X, y)`` tuple.
    * ``metrics``: ``"accuracy"`` or functions ``f(outputs, targets) -> float``;
      use ``metrics=()`` for a regression. Each is reported on the training batches (as they
      were seen, in training mode) and, with ``val_data``, as ``val_<name>``.
    * ``early_stopping``: an :class:`EarlyStopping`, or just its patience as an int. Watches
      ``val_loss`` (so it needs ``val_data``) and by default restores the best epoch's weights.
    * ``progress``: ``"bar"``, a live bar on stderr; ``"summary"``, about ten lines (the first,
      every tenth of the run and the last epoch); ``"epoch"``, one line per epoch; False,
      nothing. True (the default) is "bar" on a terminal, "summary" elsewhere (a notebook, a log).

    The model is left in the mode (training or evaluation) it was in before.
    """
    if not isinstance(epochs, int) or epochs < 1:
        raise ValueError(f"fit: epochs must be a positive integer, got {epochs!r}")
    metric_fns = _metric_functions(metrics, loss_fn, "fit")
    if isinstance(early_stopping, int) and not isinstance(early_stopping, bool):
        early_stopping = EarlyStopping(patience=early_stopping)
    if early_stopping is not None and not isinstance(early_stopping, EarlyStopping):
        raise TypeError(f"fit: early_stopping must be an EarlyStopping, an int patience or None, "
                        f"got {early_stopping!r}")
    if isinstance(train_loader, tuple):
        raise TypeError("fit: train_loader must yield (x, y) batches; wrap arrays in a loader, "
                        "e.g. DataLoader(X, y, batch_size=32, shuffle=True)")
    if early_stopping is not None and val_data is None:
        raise ValueError("fit: early_stopping watches the validation loss; pass val_data too")
    bar = _Progress(progress, epochs, len(train_loader) if hasattr(train_loader, "__len__") else None)
    history, was_training = History(), model.training
    best_loss, best_state, waited = math.inf, None, 0
    try:
        for epoch in range(1, epochs + 1):
            started = time.perf_counter()
            model.train()
            totals = _Totals(metric_fns)
            for done, (x, y) in enumerate(train_loader, start=1):
                output = model(_tensor(x))
                loss = loss_fn(output, y)
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
                totals.add(loss.item(), output.data, y)
                bar.batch(epoch, done, started, totals)
            logs = totals.means()
            if val_data is not None:
                logs.update({"val_" + k: v for k, v in
                             _evaluate(model, val_data, loss_fn, metric_fns).items()})
            history._append(epoch, logs)
            stop = False
            if early_stopping is not None:
                if logs["val_loss"] < best_loss - early_stopping.min_delta:
                    best_loss, waited, history.best_epoch = logs["val_loss"], 0, epoch
                    best_state = model.state_dict() if early_stopping.restore_best_weights else None
                else:
                    waited += 1
                    stop = waited >= early_stopping.patience
            bar.epoch_end(epoch, logs, time.perf_counter() - started, last=stop or epoch == epochs)
            if stop:
                break
        if early_stopping is not None:
            kept = "restored" if best_state is not None else "not restored"
            bar.note(f"early stopping: best val_loss {best_loss:.4f} at epoch {history.best_epoch}, "
                     f"its weights {kept}")
        if best_state is not None:
            model.load_state_dict(best_state)
    finally:
        model.train(was_training)
    return history
