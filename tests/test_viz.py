"""minigrad.viz: every function returns a Figure with the panels and images it should have."""

import subprocess
import sys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

import minigrad  # noqa: E402
import minigrad.nn as nn  # noqa: E402
from minigrad import Tensor, viz  # noqa: E402
from minigrad.scalar_nn import MLP as ScalarMLP  # noqa: E402
from minigrad.train import History  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_import_minigrad_does_not_import_matplotlib():
    code = "import minigrad, sys; assert 'matplotlib' not in sys.modules, 'matplotlib imported'"
    subprocess.run([sys.executable, "-c", code], check=True)


def points():
    X = np.random.default_rng(0).uniform(-1, 1, size=(40, 2)).astype(np.float32)
    return X, (X[:, 0] > 0).astype(np.int64)


def contours(ax, filled):
    """The contour sets drawn in ``ax``: filled (the class regions) or lines (the boundary)."""
    return [c for c in ax.collections if hasattr(c, "levels") and c.filled == filled]


@pytest.mark.parametrize("outputs", [1, 3])
def test_decision_boundary_of_a_tensor_model(outputs):
    minigrad.manual_seed(0)
    X, y = points()
    model = nn.MLP([2, 8, outputs])
    fig = viz.plot_decision_boundary(model, X, y, resolution=50, title="t")
    assert isinstance(fig, Figure) and len(fig.axes) == 1 and fig.axes[0].get_title() == "t"
    assert len(contours(fig.axes[0], filled=True)) == 1
    assert len(contours(fig.axes[0], filled=False)) == (outputs == 1)     # a line for one score
    assert len(fig.axes[0].get_legend().get_texts()) == 2
    assert model.training                                      # predict gave the mode back


def test_decision_boundary_of_a_function_follows_its_scores():
    X, y = points()
    fig = viz.plot_decision_boundary(lambda P: P[:, 0], X, y, resolution=41)   # logit-like: x1 ≥ 0
    (line,) = contours(fig.axes[0], filled=False)
    assert list(line.levels) == [0.0]                       # scores outside [0, 1]: threshold 0
    boundary = np.concatenate(line.allsegs[0])
    np.testing.assert_allclose(boundary[:, 0], 0, atol=1e-6)   # the line x1 = 0


def test_decision_boundary_of_a_scalar_mlp_is_its_value_forward():
    minigrad.manual_seed(0)
    model = ScalarMLP(2, [6, 6, 1], activation="tanh")
    P = np.random.default_rng(1).normal(size=(5, 2))
    scores = viz._score_function(model)(P).ravel()
    np.testing.assert_array_equal(scores, [model(list(p)).data for p in P])
    X, y = points()
    fig = viz.plot_decision_boundary(model, X, 2 * y - 1, resolution=30)   # labels ±1
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["-1", "1"]


def test_plot_history_has_one_panel_per_quantity_and_marks_the_best_epoch():
    h = History()
    for e, (loss, val) in enumerate([(1.0, 1.1), (0.5, 0.7), (0.3, 0.8)], start=1):
        h._append(e, {"loss": loss, "accuracy": 0.5 + e / 10, "val_loss": val,
                      "val_accuracy": 0.5})
    h.best_epoch = 2
    fig = viz.plot_history(h, title="run")
    assert isinstance(fig, Figure) and len(fig.axes) == 2
    assert [ax.get_ylabel() for ax in fig.axes] == ["loss", "accuracy"]
    for ax in fig.axes:
        assert len(ax.lines) == 3                          # train, val, best epoch
        np.testing.assert_array_equal(ax.lines[2].get_xdata(), [2, 2])
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["training",
                                                                             "validation"]
    assert len(viz.plot_history({"loss": [3, 2, 1]}).axes) == 1


def test_plot_history_takes_its_words_as_arguments():
    logs = {"loss": [1.0, 0.5], "accuracy": [0.6, 0.8], "val_loss": [1.1, 0.7]}
    fig = viz.plot_history(logs, xlabel="$n$", ylabels={"loss": "$E$"}, legend=None)
    assert [ax.get_xlabel() for ax in fig.axes] == ["$n$", "$n$"]
    assert [ax.get_ylabel() for ax in fig.axes] == ["$E$", "accuracy"]   # left out: its name
    assert all(ax.get_legend() is None for ax in fig.axes)
    assert [line.get_linestyle() for line in fig.axes[0].lines] == ["-", "--"]
    fig = viz.plot_history(logs, legend=("train", "val"))
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["train", "val"]
    (line,) = viz.plot_history({"val_loss": [2, 1]}).axes[0].lines   # validation only: dashed
    assert line.get_linestyle() == "--" and line.get_label() == "validation"


def test_show_images_titles_and_frames_wrong_predictions_in_red():
    images = np.random.default_rng(0).random((12, 8, 8))
    labels = np.arange(12) % 10
    predictions = labels.copy()
    predictions[[3, 7]] = 0
    fig = viz.show_images(images, labels, predictions, ncols=5)
    assert isinstance(fig, Figure) and len(fig.axes) == 12
    assert all(len(ax.images) == 1 for ax in fig.axes)
    red = [i for i, ax in enumerate(fig.axes) if ax.title.get_color() == "red"]
    assert red == [3, 7] and fig.axes[3].get_title() == "0 (3)"
    assert len(viz.show_images(images.reshape(12, 64)).axes) == 12          # flattened images
    assert len(viz.show_images(Tensor(images[:, None])).axes) == 12         # (N, 1, H, W)
    with pytest.raises(ValueError, match="12 images but 3 labels"):
        viz.show_images(images, labels[:3])


def test_show_filters_draws_one_image_per_kernel():
    minigrad.manual_seed(0)
    assert len(viz.show_filters(nn.Conv2d(1, 6, 3)).axes) == 6
    fig = viz.show_filters(nn.Conv2d(2, 3, 3), title="w")
    assert len(fig.axes) == 6 and all(ax.images[0].get_array().shape == (3, 3) for ax in fig.axes)


def test_show_feature_maps_records_every_conv_and_leaves_the_model_untouched():
    minigrad.manual_seed(0)
    model = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                          nn.Conv2d(4, 6, 3, padding=1), nn.ReLU(), nn.Flatten(),
                          nn.Linear(6 * 4 * 4, 10))
    image = np.random.default_rng(0).random((8, 8), dtype=np.float32)
    fig = viz.show_feature_maps(model, image, ncols=4)
    assert isinstance(fig, Figure) and len(fig.axes) == 4 + 6
    assert fig.axes[0].images[0].get_array().shape == (8, 8)
    assert fig.axes[4].images[0].get_array().shape == (4, 4)
    assert all("forward" not in vars(m) for m in model.modules()) and model.training
    assert len(viz.show_feature_maps(list(model)[:3], image[None]).axes) == 4   # a list of layers
    with pytest.raises(ValueError, match="no Conv2d"):
        viz.show_feature_maps(nn.MLP([64, 10]), image)


def test_plot_embedding_has_a_legend_entry_per_class():
    codes = np.random.default_rng(0).normal(size=(50, 2))
    fig = viz.plot_embedding(Tensor(codes), np.arange(50) % 5, title="z")
    assert isinstance(fig, Figure) and len(fig.axes) == 1
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == list("01234")
    with pytest.raises(ValueError, match=r"codes \(N, 2\)"):
        viz.plot_embedding(np.zeros((5, 3)), np.zeros(5))


def test_draw_graph_is_reexported_and_shows_tensor_shapes():
    assert viz.draw_graph is minigrad.draw_graph
    x = Tensor(np.ones((2, 3)), requires_grad=True)
    fig = viz.draw_graph((x * 2).sum())
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert any("shape (2, 3)" in t for t in texts) and "sum" in texts


def test_train_does_not_import_viz():
    # viz draws what train measured; train must work without matplotlib, so no import back
    code = "import sys, minigrad.train; print('minigrad.viz' in sys.modules, 'matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
    assert not hasattr(History, "plot")
