"""Pictures of models, data and training (``import minigrad.viz as viz``).

Every function returns the matplotlib ``Figure`` it drew, so it can be saved with
``fig.savefig(...)``. Matplotlib is imported when a function is first called, never by
``import minigrad``. Figures carry few words, because the book is bilingual: short axis labels
and an optional ``title=`` argument instead of built-in titles. In a notebook, assign the
result (``fig = viz.plot_history(h)``) or end the line with ``;``: a figure that is both drawn
and returned as the cell's value appears twice.
"""

from __future__ import annotations

import math
from typing import Any, Callable

import numpy as np

from .graph_drawing import draw_graph
from .nn.containers import Sequential
from .nn.layers import Conv2d
from .nn.module import Module
from .scalar_nn import MLP, Layer, Neuron
from .tensor import Tensor
from .train import evaluating, predict

__all__ = ["plot_decision_boundary", "plot_history", "show_images", "show_filters",
           "show_feature_maps", "plot_embedding", "draw_graph"]


def _array(a: Any) -> np.ndarray:
    return np.asarray(a.data if isinstance(a, Tensor) else a)


def _figure(ax: Any, figsize: tuple[float, float]) -> tuple[Any, Any]:
    """Draw into ``ax`` when given (e.g. one panel of a comparison), else into a new figure."""
    import matplotlib.pyplot as plt
    if ax is not None:
        return ax.figure, ax
    return plt.subplots(figsize=figsize)


def _colours(n: int) -> list:
    import matplotlib.pyplot as plt
    cmap = plt.get_cmap("tab10" if n <= 10 else "tab20")
    return [cmap(i % cmap.N) for i in range(n)]


def _grid(n: int, ncols: int, size: float, title: str | None) -> tuple[Any, list]:
    """A figure with ``n`` small, frameless axes in rows of ``ncols``; unused cells removed."""
    import matplotlib.pyplot as plt
    cols = max(1, min(n, ncols))
    rows = math.ceil(n / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(size * cols, size * rows + (0.4 if title else 0)),
                             squeeze=False)
    axes = list(axes.ravel())
    for ax in axes[n:]:
        fig.delaxes(ax)
    for ax in axes[:n]:
        ax.set_xticks([])
        ax.set_yticks([])
        ax.spines[:].set_visible(False)
    if title:
        fig.suptitle(title)
    return fig, axes[:n]


# --- decision boundaries ------------------------------------------------------------------------
def _score_function(model: Any) -> Callable[[np.ndarray], np.ndarray]:
    """A function from points ``(M, 2)`` to scores ``(M,)`` or ``(M, C)`` for any kind of model."""
    if isinstance(model, Module):
        return lambda points: predict(model, points.astype(np.float32))
    if isinstance(model, (MLP, Layer, Neuron)):
        def scores(points: np.ndarray) -> np.ndarray:
            # one forward pass of Values per point: exact, and slow (see plot_decision_boundary)
            outputs = [model([float(a), float(b)]) for a, b in points]
            return np.array([[v.data for v in out] if isinstance(out, list) else out.data
                             for out in outputs])
        return scores
    if callable(model):
        return lambda points: _array(model(points))
    raise TypeError(f"plot_decision_boundary: model must be a Module, a scalar MLP/Layer/Neuron "
                    f"or a function of points (M, 2), got {type(model).__name__}")


def plot_decision_boundary(model: Any, X: Any, y: Any, resolution: int = 200,
                           threshold: float | None = None, ax: Any = None,
                           title: str | None = None) -> Any:
    """Colour the plane by the class ``model`` predicts, with the points ``X`` (N, 2) on top.

    ``model`` is a tensor ``Module``, a scalar ``minigrad.scalar_nn.MLP`` (or ``Layer``/``Neuron``),
    or any function mapping points ``(M, 2)`` to scores. A scalar network runs once per point of
    the ``resolution`` × ``resolution`` grid, about 40,000 small forward passes at the default;
    ``resolution=100`` draws four times faster. Scores ``(M, C)`` with C > 1 pick the
    argmax class; one score per point ``(M,)`` or ``(M, 1)`` separates two classes at
    ``threshold`` (default: 0.5 for scores in [0, 1], probabilities; else 0, logits or tanh
    outputs), and the boundary score = threshold is drawn as a line. Labels ``y`` may be any
    numbers (0/1, ±1, 0..C-1): predicted class k is coloured like the k-th smallest label.
    """
    X, y = _array(X), _array(y).ravel()
    if X.ndim != 2 or X.shape[1] != 2 or len(y) != len(X):
        raise ValueError(f"plot_decision_boundary: expected X (N, 2) and y (N,), got {X.shape} "
                         f"and {y.shape}")
    lo, hi = X.min(axis=0), X.max(axis=0)
    pad = 0.1 * (hi - lo) + 1e-3
    xx, yy = np.meshgrid(np.linspace(lo[0] - pad[0], hi[0] + pad[0], resolution),
                         np.linspace(lo[1] - pad[1], hi[1] + pad[1], resolution))
    scores = _score_function(model)(np.stack([xx.ravel(), yy.ravel()], axis=1))
    classes = np.unique(y)
    one_score = scores.ndim == 1 or scores.shape[1] == 1
    if one_score:
        scores = scores.reshape(-1)
        if threshold is None:
            threshold = 0.5 if scores.min() >= 0 and scores.max() <= 1 else 0.0
        predicted = (scores >= threshold).astype(int)
    else:
        predicted = scores.argmax(axis=1)
    n_colours = max(len(classes), int(predicted.max()) + 1)
    colours = _colours(n_colours)

    from matplotlib.colors import ListedColormap
    fig, ax = _figure(ax, (5, 4.5))
    ax.contourf(xx, yy, predicted.reshape(xx.shape), levels=np.arange(n_colours + 1) - 0.5,
                cmap=ListedColormap(colours), alpha=0.25)
    if one_score and scores.min() < threshold <= scores.max():  # the boundary crosses the plot
        ax.contour(xx, yy, scores.reshape(xx.shape), levels=[threshold], colors="k", linewidths=1)
    size = float(np.clip(4000 / len(X), 12, 60))  # a few points drawn big, thousands small
    for k, c in enumerate(classes):
        ax.scatter(*X[y == c].T, s=size, color=colours[k], edgecolor="k", linewidth=0.4, label=f"{c:g}")
    ax.legend(fontsize=8, loc="best")
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    if title:
        ax.set_title(title)
    return fig


# --- training curves ----------------------------------------------------------------------------
def plot_history(history: Any, title: str | None = None, *, xlabel: str = "epoch",
                 ylabels: dict[str, str] | None = None,
                 legend: tuple[str, str] | None = ("training", "validation")) -> Any:
    """One panel per quantity of a :class:`minigrad.train.History` (or its ``.history`` dict).

    Training values are solid lines, ``val_`` values dashed in the same panel; with early
    stopping, a dotted vertical line marks the best epoch. The words on the figure can be
    chosen: ``xlabel`` labels the horizontal axes, ``ylabels`` maps a quantity's name to the
    label of its panel's vertical axis (a quantity left out is labelled with its name), and
    ``legend`` names the solid and the dashed line, or is None for no legend. The defaults are
    English words, readable in a script; the book, which is bilingual, passes symbols, e.g.
    ``plot_history(h, xlabel="$n$", ylabels={"loss": "$L$", "accuracy": "$A$"}, legend=None)``,
    and says in its text which line is which.
    """
    import matplotlib.pyplot as plt
    logs = history.history if hasattr(history, "history") else dict(history)
    if not logs:
        raise ValueError("plot_history: the history is empty")
    ylabels = dict(ylabels or {})
    names = [k for k in logs if not k.startswith("val_")]
    names += [k for k in logs if k.startswith("val_") and k[4:] not in logs]
    epochs = list(getattr(history, "epochs", None) or range(1, len(next(iter(logs.values()))) + 1))
    best = getattr(history, "best_epoch", None)
    fig, axes = plt.subplots(1, len(names), figsize=(4.2 * len(names), 3.2), squeeze=False)
    for ax, name in zip(axes[0], names):
        # A validation quantity without its training one still gets the dashed line.
        dashed = name.startswith("val_")
        ax.plot(epochs, logs[name], "--" if dashed else "-",
                label=legend[dashed] if legend else None)
        if "val_" + name in logs:
            ax.plot(epochs, logs["val_" + name], "--", label=legend[1] if legend else None)
        if best is not None:
            ax.axvline(best, color="grey", linestyle=":", linewidth=1)
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabels.get(name, name))
        if legend:
            ax.legend(fontsize=8)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


# --- images -------------------------------------------------------------------------------------
def _as_images(images: Any) -> np.ndarray:
    """(N, H, W), (N, 1, H, W), (N, 3, H, W) or flattened square (N, H·W) → (N, H, W[, 3])."""
    a = _array(images)
    if a.ndim == 2 and math.isqrt(a.shape[1]) ** 2 == a.shape[1]:
        side = math.isqrt(a.shape[1])
        return a.reshape(len(a), side, side)
    if a.ndim == 4 and a.shape[1] == 1:
        return a[:, 0]
    if a.ndim == 4 and a.shape[1] == 3:
        return a.transpose(0, 2, 3, 1)
    if a.ndim == 3:
        return a
    raise ValueError(f"show_images: expected images (N, H, W), (N, 1|3, H, W) or flattened "
                     f"square images (N, H*W), got shape {a.shape}")


def show_images(images: Any, labels: Any = None, predictions: Any = None, ncols: int = 10,
                cmap: str = "gray_r", title: str | None = None) -> Any:
    """A grid of images, each titled with its label, or with its prediction when given.

    A wrong prediction (``predictions[i] != labels[i]``) is titled ``prediction (label)`` in
    red inside a red frame. All images share one grey scale, so brightness compares across them.
    """
    imgs = _as_images(images)
    labels = None if labels is None else _array(labels).ravel()
    predictions = None if predictions is None else _array(predictions).ravel()
    for name, v in (("labels", labels), ("predictions", predictions)):
        if v is not None and len(v) != len(imgs):
            raise ValueError(f"show_images: {len(imgs)} images but {len(v)} {name}")
    fig, axes = _grid(len(imgs), ncols, 1.1, title)
    vmin, vmax = float(imgs.min()), float(imgs.max())
    for i, ax in enumerate(axes):
        ax.imshow(imgs[i], cmap=cmap, vmin=vmin, vmax=vmax)
        if predictions is not None:
            wrong = labels is not None and predictions[i] != labels[i]
            text = f"{predictions[i]:g} ({labels[i]:g})" if wrong else f"{predictions[i]:g}"
            ax.set_title(text, fontsize=9, color="red" if wrong else "black")
            if wrong:
                ax.spines[:].set_visible(True)
                ax.spines[:].set_color("red")
                ax.spines[:].set_linewidth(2)
        elif labels is not None:
            ax.set_title(f"{labels[i]:g}", fontsize=9)
    return fig


def show_filters(conv_layer: Any, ncols: int = 8, title: str | None = None) -> Any:
    """The kernels of a ``Conv2d`` (or a weight array (O, C, k, k)), red positive, blue negative.

    One image per (output, input) channel pair: with one input channel, the O kernels in rows of
    ``ncols``; with C > 1, one row per output channel and one column per input channel. Zero is
    white in every image, so signs and sizes compare across kernels.
    """
    w = _array(getattr(conv_layer, "weight", conv_layer))
    if w.ndim != 4:
        raise ValueError(f"show_filters: expected a Conv2d or a weight (O, C, k, k), got shape {w.shape}")
    out_channels, in_channels = w.shape[:2]
    kernels = w.reshape(out_channels * in_channels, *w.shape[2:])
    fig, axes = _grid(len(kernels), ncols if in_channels == 1 else in_channels, 0.9, title)
    limit = float(np.abs(w).max()) or 1.0
    for ax, k in zip(axes, kernels):
        ax.imshow(k, cmap="RdBu_r", vmin=-limit, vmax=limit)
    return fig


def show_feature_maps(model_or_layers: Any, image: Any, ncols: int = 8,
                      title: str | None = None) -> Any:
    """What every ``Conv2d`` inside the model computes for one ``image`` (H, W) or (C, H, W).

    The model runs once (evaluation mode, no graph) and each convolution's output is recorded:
    one block of rows per convolution (labelled ``conv 1``, ``conv 2``, …), one image per output
    channel, in rows of ``ncols``. Maps of one layer share a colour scale. ``model_or_layers`` is
    a ``Module`` or a list of layers applied in turn.
    """
    layers = list(model_or_layers) if isinstance(model_or_layers, (list, tuple)) else [model_or_layers]
    x = _array(image)
    if x.ndim not in (2, 3):
        raise ValueError(f"show_feature_maps: expected one image (H, W) or (C, H, W), got shape {x.shape}")
    x = x.reshape((1, 1) + x.shape if x.ndim == 2 else (1,) + x.shape)
    modules = [m for layer in layers for m in layer.modules()]
    convs = [m for m in modules if isinstance(m, Conv2d)]
    if not convs:
        raise ValueError("show_feature_maps: the model has no Conv2d layer")
    maps: list[tuple[int, np.ndarray]] = []

    def recording(i: int, conv: Conv2d) -> Callable:
        forward = conv.forward

        def record(inputs: Tensor) -> Tensor:
            out = forward(inputs)
            maps.append((i, out.data[0]))
            return out
        return record
    # Module.__call__ looks up self.forward, so an instance attribute intercepts the call
    # without changing the model's code; it is removed afterwards.
    for i, conv in enumerate(convs):
        conv.forward = recording(i, conv)
    try:
        model = layers[0] if len(layers) == 1 else Sequential(*layers)
        with evaluating(model):
            model(Tensor(x.astype(np.float32)))
    finally:
        for conv in convs:
            del conv.forward

    import matplotlib.pyplot as plt
    rows = [math.ceil(len(m) / ncols) for _, m in maps]
    cols = min(ncols, max(len(m) for _, m in maps))
    fig = plt.figure(figsize=(1.1 * cols, 1.1 * sum(rows) + (0.4 if title else 0)))
    grid = fig.add_gridspec(sum(rows), cols)
    top = 0
    for (i, channels), n_rows in zip(maps, rows):
        vmin, vmax = float(channels.min()), float(channels.max())
        for c, fmap in enumerate(channels):
            ax = fig.add_subplot(grid[top + c // ncols, c % ncols])
            ax.imshow(fmap, cmap="viridis", vmin=vmin, vmax=vmax)
            ax.set_xticks([])
            ax.set_yticks([])
            if c == 0:
                ax.set_ylabel(f"conv {i + 1}", fontsize=9)
        top += n_rows
    if title:
        fig.suptitle(title)
    return fig


# --- embeddings ---------------------------------------------------------------------------------
def plot_embedding(codes: Any, labels: Any, ax: Any = None, title: str | None = None) -> Any:
    """A scatter of 2-D codes (N, 2), e.g. an autoencoder's, one colour per class, with a legend."""
    codes, labels = _array(codes), _array(labels).ravel()
    if codes.ndim != 2 or codes.shape[1] != 2 or len(labels) != len(codes):
        raise ValueError(f"plot_embedding: expected codes (N, 2) and labels (N,), got {codes.shape} "
                         f"and {labels.shape}")
    classes = np.unique(labels)
    colours = _colours(len(classes))
    fig, ax = _figure(ax, (5, 4.5))
    for k, c in enumerate(classes):
        ax.scatter(*codes[labels == c].T, s=8, color=colours[k], alpha=0.8, label=f"{c:g}")
    ax.legend(fontsize=8, markerscale=2, loc="center left", bbox_to_anchor=(1.0, 0.5))
    ax.set_xlabel("$z_1$")
    ax.set_ylabel("$z_2$")
    if title:
        ax.set_title(title)
    fig.tight_layout()  # keeps the legend, outside the axes, inside the figure
    return fig
