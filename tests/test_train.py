"""minigrad.train: metrics with known numbers, the fit loop, evaluation, early stopping, progress."""

import io
import sys

import numpy as np
import pytest

import minigrad
import minigrad.functional as F
import minigrad.nn as nn
import minigrad.optim as optim
from minigrad import Tensor
from minigrad.data import DataLoader, make_moons, make_wages
from minigrad.train import (EarlyStopping, History, accuracy, confusion_matrix, evaluate, fit,
                            predict)


# --- metrics --------------------------------------------------------------------------------------
def test_accuracy_reads_classes_logits_probabilities_and_binary_scores():
    y = np.array([0, 2, 1, 1])
    assert accuracy(np.array([0, 2, 0, 1]), y) == 0.75                      # class predictions
    logits = np.array([[3.0, 0, 0], [0, 0, 1], [0, 2, 1], [5, 0, 0]])       # argmax 0, 2, 1, 0
    assert accuracy(logits, y) == 0.75
    assert accuracy(Tensor(logits), Tensor(y)) == 0.75
    yb = np.array([1, 0, 1, 0])
    assert accuracy(np.array([0.9, 0.2, 0.4, 0.6]), yb) == 0.5               # probabilities: ≥ 0.5
    assert accuracy(np.array([[2.0], [-1.0], [0.3], [-0.1]]), yb) == 1.0     # logits: ≥ 0
    assert accuracy(np.array([0.9, 0.2, 0.4, 0.6]), yb, threshold=0.3) == 0.75
    assert accuracy(np.array([0.9, 0.2, 0.4, 0.6]), yb.astype(np.float32)[:, None]) == 0.5


def test_accuracy_refuses_regression_targets_and_mismatched_lengths():
    with pytest.raises(ValueError, match="whole class numbers.*metrics=()"):
        accuracy(np.array([1.0, 2.0]), np.array([1.5, 2.0]))
    with pytest.raises(ValueError, match=r"accuracy: predictions of shape \(3,\)"):
        accuracy(np.array([1, 0, 1]), np.array([1, 0]))


def test_confusion_matrix_counts_true_classes_in_rows():
    y_true = np.array([0, 1, 2, 2, 1, 0])
    y_pred = np.array([0, 2, 2, 2, 1, 1])
    expected = [[1, 1, 0],
                [0, 1, 1],
                [0, 0, 2]]
    assert confusion_matrix(y_true, y_pred).tolist() == expected
    m = confusion_matrix(y_true, y_pred, num_classes=4)
    assert m.shape == (4, 4) and m.sum() == 6 and m[3].sum() == 0
    with pytest.raises(ValueError, match="num_classes=2 but class 2 occurs"):
        confusion_matrix(y_true, y_pred, num_classes=2)
    with pytest.raises(ValueError, match="y_pred must hold non-negative integer classes"):
        confusion_matrix(y_true, y_pred - 1)


# --- fit, evaluate, predict -----------------------------------------------------------------------
def moons():
    X, y = make_moons(240, noise=0.15, seed=0)
    return (X[:200], y[:200]), (X[200:], y[200:])


def test_fit_learns_moons_and_records_a_keras_like_history(capsys):
    minigrad.manual_seed(0)
    (X, y), (Xv, yv) = moons()
    model = nn.MLP([2, 32, 32, 2])
    model.eval()                                  # fit must give the mode back
    history = fit(model, nn.CrossEntropyLoss(), optim.Adam(model.parameters(), lr=0.01),
                  DataLoader(X, y, 32, shuffle=True, seed=0), epochs=30, val_data=(Xv, yv),
                  progress=False)
    assert capsys.readouterr().out == ""
    assert isinstance(history, History) and history.epochs == list(range(1, 31))
    assert set(history.history) == {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert all(len(v) == 30 for v in history.history.values())
    assert history.history["loss"][-1] < 0.3 * history.history["loss"][0]
    assert history.history["val_accuracy"][-1] >= 0.95
    assert history.best_epoch is None and not model.training


def test_evaluate_matches_the_loss_and_accuracy_on_the_whole_set():
    minigrad.manual_seed(1)
    (X, y), _ = moons()
    model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Dropout(0.5), nn.Linear(8, 2))
    result = evaluate(model, DataLoader(X, y, 64), nn.CrossEntropyLoss())   # batches 64, 64, 64, 8
    model.eval()
    with minigrad.no_grad():
        out = model(Tensor(X))
    assert result["loss"] == pytest.approx(F.cross_entropy(out, y).item(), rel=1e-5)
    assert result["accuracy"] == accuracy(out, y)
    assert evaluate(model, (X, y), nn.CrossEntropyLoss(), metrics=()) .keys() == {"loss"}


def test_predict_batches_in_eval_mode_without_a_graph_and_restores_the_mode():
    minigrad.manual_seed(2)
    X = np.random.default_rng(0).normal(size=(300, 4)).astype(np.float32)
    model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Dropout(0.5), nn.Linear(16, 3))
    assert model.training
    out = predict(model, X, batch_size=64)
    assert isinstance(out, np.ndarray) and out.shape == (300, 3) and model.training
    model.eval()
    with minigrad.no_grad():
        np.testing.assert_allclose(out, model(Tensor(X)).data, rtol=1e-6)   # dropout was off
    model.train()
    assert all(p.grad is None for p in model.parameters())


def test_fit_without_metrics_trains_a_regression():
    minigrad.manual_seed(3)
    X, y = make_wages(200, seed=0)
    X = (X - X.mean(0)) / X.std(0)
    model = nn.MLP([2, 16, 1])
    history = fit(model, nn.MSELoss(), optim.Adam(model.parameters(), lr=0.05),
                  DataLoader(X, y[:, None], 32, shuffle=True, seed=0), epochs=20, metrics=(),
                  progress=False)
    assert set(history.history) == {"loss"}
    assert history.history["loss"][-1] < 0.1 * history.history["loss"][0]
    with pytest.raises(ValueError, match="whole class numbers"):     # accuracy makes no sense here
        fit(model, nn.MSELoss(), optim.SGD(model.parameters(), lr=0.01),
            DataLoader(X, y[:, None], 32), epochs=1, progress=False)


def test_fit_reads_one_logit_per_sample_with_bce_with_logits():
    minigrad.manual_seed(4)
    (X, y), (Xv, yv) = moons()
    model = nn.MLP([2, 16, 1])
    t, tv = y.astype(np.float32)[:, None], yv.astype(np.float32)[:, None]
    history = fit(model, nn.BCEWithLogitsLoss(), optim.Adam(model.parameters(), lr=0.02),
                  DataLoader(X, t, 32, shuffle=True, seed=0), epochs=10, val_data=(Xv, tv),
                  progress=False)
    assert history.history["val_accuracy"][-1] == accuracy(predict(model, Xv), yv, threshold=0.0)


def test_fit_argument_errors_are_clear():
    model = nn.MLP([2, 2])
    opt = optim.SGD(model.parameters(), lr=0.1)
    loader = DataLoader(np.zeros((4, 2), np.float32), np.zeros(4, np.int64), 2)
    loss = nn.CrossEntropyLoss()
    with pytest.raises(ValueError, match="early_stopping watches the validation loss"):
        fit(model, loss, opt, loader, 2, early_stopping=3)
    with pytest.raises(ValueError, match="unknown metric 'f1'"):
        fit(model, loss, opt, loader, 2, metrics=("f1",))
    with pytest.raises(ValueError, match="epochs must be a positive integer"):
        fit(model, loss, opt, loader, 0)
    with pytest.raises(TypeError, match=r"wrap arrays in a loader, e\.g\. DataLoader\(X, y"):
        fit(model, loss, opt, (np.zeros((4, 2)), np.zeros(4)), 2)
    with pytest.raises(ValueError, match="patience must be a positive integer"):
        EarlyStopping(patience=0)


# --- early stopping -------------------------------------------------------------------------------
def overfit_run(epochs, early_stopping=None, progress=False):
    """A big network, 20 noisy training points: the validation loss soon turns up."""
    minigrad.manual_seed(5)
    X, y = make_moons(220, noise=0.35, seed=1)
    model = nn.MLP([2, 128, 128, 2])
    history = fit(model, nn.CrossEntropyLoss(), optim.Adam(model.parameters(), lr=0.01),
                  DataLoader(X[:20], y[:20], 10, shuffle=True, seed=0), epochs,
                  val_data=(X[20:], y[20:]), early_stopping=early_stopping, progress=progress)
    return model, history, (X[20:], y[20:])


def test_early_stopping_stops_and_restores_the_best_epochs_weights():
    model, history, val = overfit_run(200, EarlyStopping(patience=5))
    val_loss = history.history["val_loss"]
    best = history.best_epoch
    assert len(history.epochs) < 200                                   # it stopped early …
    assert best == int(np.argmin(val_loss)) + 1                        # … kept the best epoch …
    assert len(history.epochs) == best + 5                             # … after 5 without progress
    assert evaluate(model, val, nn.CrossEntropyLoss())["loss"] == pytest.approx(val_loss[best - 1])
    replay, _, _ = overfit_run(best)                                   # the same run, cut at best
    for name, weights in replay.state_dict().items():
        np.testing.assert_array_equal(model.state_dict()[name], weights)


def test_early_stopping_as_a_number_is_the_patience_and_the_summary_shows_the_stop(capsys):
    _, history, _ = overfit_run(200, early_stopping=2, progress=True)
    stopped, best = len(history.epochs), history.best_epoch
    assert stopped == best + 2
    lines = capsys.readouterr().out.splitlines()
    assert lines[-2].startswith(f"epoch {stopped}/200 ")            # the last epoch run is shown
    assert lines[-1].startswith("early stopping: best val_loss") and f"epoch {best}," in lines[-1]


# --- progress -------------------------------------------------------------------------------------
class Terminal(io.StringIO):
    def isatty(self):
        return True


def progress_run(progress):
    model = nn.MLP([2, 4, 2])
    X, y = make_moons(40, seed=0)
    fit(model, nn.CrossEntropyLoss(), optim.SGD(model.parameters(), lr=0.1),
        DataLoader(X, y, 8), epochs=20, val_data=(X, y), progress=progress)


def test_progress_is_a_bar_on_a_terminal_and_a_few_lines_elsewhere(capsys, monkeypatch):
    progress_run(True)                                  # pytest's output is not a terminal
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[1] for line in lines] == ["1/20"] + [f"{e}/20" for e in range(2, 21, 2)]
    assert "val_accuracy" in lines[-1]
    progress_run("summary")
    assert capsys.readouterr().out.splitlines()[1].split()[1] == "2/20"
    progress_run("epoch")
    assert len(capsys.readouterr().out.splitlines()) == 20
    progress_run(False)
    assert capsys.readouterr().out == ""
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    progress_run(True)
    drawn = terminal.getvalue()
    assert "\r" in drawn and "ETA" in drawn and "[" in drawn and drawn.count("\n") == 20
    assert capsys.readouterr().out == ""


def test_evaluating_switches_to_eval_mode_without_a_graph_and_restores_every_mode():
    from minigrad.train import evaluating
    model = nn.Sequential(nn.Linear(2, 2), nn.Dropout(0.5), nn.Sequential(nn.Dropout(0.5)))
    model[2].eval()                                        # a part left in eval mode stays there
    with evaluating(model) as m:
        assert m is model and not any(x.training for x in model.modules())
        out = model(np.ones((3, 2), dtype=np.float32))
        assert not out.requires_grad
    assert model.training and model[1].training and not model[2].training
    with pytest.raises(RuntimeError):
        with evaluating(model):
            raise RuntimeError("inside")
    assert model.training and not model[2][0].training


def test_unknown_metrics_and_progress_modes_are_named():
    model = nn.MLP([2, 2])
    X, y = make_moons(8, seed=0)
    with pytest.raises(ValueError, match="unknown metric 'f1'; use 'accuracy'"):
        fit(model, nn.CrossEntropyLoss(), optim.SGD(model.parameters(), lr=0.1),
            DataLoader(X, y, 4), epochs=1, metrics=["f1"], progress=False)
    with pytest.raises(ValueError, match="progress must be one of .*'summary'"):
        fit(model, nn.CrossEntropyLoss(), optim.SGD(model.parameters(), lr=0.1),
            DataLoader(X, y, 4), epochs=1, progress="lines")
