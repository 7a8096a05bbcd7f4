"""The appendix's porting recipes, executed: PyTorch where it is installed, and the Keras
reorderings of a convolutional network checked with numpy (Keras itself is not a dependency),
and chapter 7's scikit-learn snippet where scikit-learn is installed.

The tests that need Keras skip without it. They last passed, all of them, with Keras 3.15.1 on
its torch backend (KERAS_BACKEND=torch, torch 2.13.0, numpy 2.4.6), in a separate virtual
environment with minigrad installed in it."""
import numpy as np
import pytest

import minigrad
from minigrad import Tensor, nn


def test_keras_channels_last_reorderings_give_the_same_outputs():
    """Kernels (O, C, kH, kW) -> (kH, kW, C, O) and the first dense layer's rows from
    (C, H, W) to (H, W, C), as the appendix says, reproduce minigrad's scores."""
    minigrad.manual_seed(0)
    C, H, W, O = 3, 4, 4, 5
    conv = nn.Conv2d(2, C, 3, padding=1)
    dense = nn.Linear(C * H * W, O)
    x = np.random.default_rng(0).normal(size=(2, 2, H, W)).astype(np.float32)
    features = conv(Tensor(x)).data                                  # (N, C, H, W)
    expected = features.reshape(2, -1) @ dense.weight.data.T + dense.bias.data

    # Channels last, as Keras computes: the same convolution with the reordered kernel.
    kernel = conv.weight.data.transpose(2, 3, 1, 0)                 # (kH, kW, C_in, C_out)
    padded = np.pad(x.transpose(0, 2, 3, 1), ((0, 0), (1, 1), (1, 1), (0, 0)))
    maps = np.zeros((2, H, W, C), dtype=np.float32)
    for i in range(H):
        for j in range(W):
            maps[:, i, j] = np.einsum("nhwc,hwco->no", padded[:, i:i + 3, j:j + 3], kernel)
    maps += conv.bias.data
    np.testing.assert_allclose(maps, features.transpose(0, 2, 3, 1), rtol=1e-4, atol=1e-5)
    # "Beware of weight.T": for a square kernel it has the right shape, (kW, kH, C_in, C_out),
    # and loads silently, but every filter is transposed and the maps are wrong.
    mirrored = conv.weight.data.T
    assert mirrored.shape == kernel.shape
    np.testing.assert_array_equal(mirrored, conv.weight.data.transpose(0, 1, 3, 2).transpose(2, 3, 1, 0))
    wrong_maps = np.zeros_like(maps)
    for i in range(H):
        for j in range(W):
            wrong_maps[:, i, j] = np.einsum("nhwc,hwco->no", padded[:, i:i + 3, j:j + 3], mirrored)
    assert not np.allclose(wrong_maps + conv.bias.data, maps, atol=1e-3)

    keras_dense = (dense.weight.data.T.reshape(C, H, W, -1).transpose(1, 2, 0, 3)
                   .reshape(C * H * W, -1))
    got = maps.reshape(2, -1) @ keras_dense + dense.bias.data        # Flatten in (H, W, C) order
    np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-5)
    # Without the reordering of the rows the scores are wrong: the silent failure.
    wrong = maps.reshape(2, -1) @ dense.weight.data.T + dense.bias.data
    assert not np.allclose(wrong, expected, atol=1e-3)


def test_pytorch_loads_minigrad_weights_and_gives_the_same_scores(tmp_path):
    """The appendix's snippet: a minigrad .npz file loaded into torch's nn.Sequential."""
    torch = pytest.importorskip("torch", reason="PyTorch is not installed: the port is not run")
    from minigrad import train

    minigrad.manual_seed(0)
    model = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10))
    path = tmp_path / "digits_mlp.npz"
    minigrad.save(model, path)
    X = np.random.default_rng(0).uniform(0, 1, (8, 64)).astype(np.float32)

    ported = torch.nn.Sequential(torch.nn.Linear(64, 32), torch.nn.ReLU(), torch.nn.Linear(32, 10))
    with np.load(path) as arrays:
        state = {name: torch.from_numpy(arrays[name]) for name in arrays.files}
    ported.load_state_dict(state)
    ported.eval()
    with torch.no_grad():
        scores = ported(torch.from_numpy(X)).numpy()
    np.testing.assert_allclose(scores, train.predict(model, X), rtol=1e-5, atol=1e-5)


def test_minigrad_loads_pytorch_weights_and_gives_the_same_scores(tmp_path):
    """The appendix's "other direction": a torch state_dict saved with np.savez, read back with
    minigrad.load, loads into minigrad's nn.Sequential and gives torch's scores."""
    torch = pytest.importorskip("torch", reason="PyTorch is not installed: the port from PyTorch "
                                "to minigrad is not run")
    from minigrad import train

    torch.manual_seed(0)
    source = torch.nn.Sequential(torch.nn.Linear(64, 32), torch.nn.ReLU(), torch.nn.Linear(32, 10))
    path = tmp_path / "torch_mlp.npz"
    np.savez(path, **{name: t.numpy() for name, t in source.state_dict().items()})
    X = np.random.default_rng(0).uniform(0, 1, (8, 64)).astype(np.float32)

    model = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10))
    model.load_state_dict(minigrad.load(path))
    source.eval()
    with torch.no_grad():
        expected = source(torch.from_numpy(X)).numpy()
    np.testing.assert_allclose(train.predict(model, X), expected, rtol=1e-5, atol=1e-5)


def appendix_snippets(library: str) -> list[str]:
    """The appendix's ```python blocks that import ``library`` (shown, not run, by the book)."""
    import re
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "book/appendix/pytorch-and-keras.md").read_text()
    return [block for block in re.findall(r"```python\n(.*?)```", text, re.S)
            if re.search(rf"^(import|from) {library}\b", block, re.M)]


def digits_namespace():
    from minigrad import data

    images, labels = data.load_digits()
    X = images.reshape(len(images), 64)
    X_train, X_test, y_train, y_test = data.train_test_split(X, labels, test_size=0.2, seed=0)
    X_fit, X_val, y_fit, y_val = data.train_test_split(X_train, y_train, test_size=0.2, seed=0)
    return dict(X_train=X_train, X_test=X_test, y_train=y_train, y_test=y_test,
                X_fit=X_fit, X_val=X_val, y_fit=y_fit, y_val=y_val)


def test_every_pytorch_snippet_of_the_appendix_runs(tmp_path, monkeypatch, capsys):
    """Each PyTorch block runs as printed; the loading one prints minigrad's own accuracy."""
    pytest.importorskip("torch", reason="PyTorch is not installed: the appendix's PyTorch "
                                        "snippets are not run")
    from minigrad import train

    snippets = appendix_snippets("torch")
    assert len(snippets) >= 2
    namespace = digits_namespace()
    minigrad.manual_seed(0)
    model = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10))
    monkeypatch.chdir(tmp_path)
    minigrad.save(model, "digits_mlp.npz")
    expected = np.mean(train.predict(model, namespace["X_test"]).argmax(axis=1)
                       == namespace["y_test"])
    for code in snippets:
        exec(compile(code, "appendix", "exec"), dict(namespace))
    printed = capsys.readouterr().out.split()
    assert any(word.startswith("loss.item()") for word in printed)
    assert float(printed[-1]) == pytest.approx(expected)


def test_every_keras_snippet_of_the_appendix_runs(tmp_path, monkeypatch):
    """Each Keras block runs as printed, and gives what the appendix says minigrad's gives:
    a History with the same names, one value per epoch, and scores for the 8 test digits; the
    port of chapter 8's network, loaded from a .npz file, gives minigrad's scores."""
    pytest.importorskip("keras", reason="Keras is not installed: the appendix's Keras "
                                        "snippets are not run")
    from minigrad import train

    snippets = appendix_snippets("keras")
    assert len(snippets) >= 2
    cnn = chapter_8_cnn()
    monkeypatch.chdir(tmp_path)
    minigrad.save(cnn, "digits_cnn.npz")
    for code in snippets:
        namespace = digits_namespace()
        exec(compile(code, "appendix", "exec"), namespace)
        if "digits_cnn.npz" in code:
            expected = train.predict(cnn, namespace["X_test"].reshape(-1, 1, 8, 8).astype(np.float32))
            np.testing.assert_allclose(np.asarray(namespace["scores"]), expected, rtol=1e-4, atol=1e-4)
            continue
        if "history" in namespace:
            history = namespace["history"].history
            assert {"loss", "accuracy", "val_loss", "val_accuracy"} <= set(history)
            assert len(history["val_accuracy"]) == 10 and history["val_accuracy"][-1] > 0.8
            assert np.asarray(namespace["scores"]).shape == (8, 10)


def chapter_8_cnn(seed: int = 0):
    """Chapter 8's network, untrained (its He-initialised weights are as good a test as any)."""
    minigrad.manual_seed(seed)
    return nn.Sequential(
        nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(),
        nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Flatten(), nn.Dropout(0.25),
        nn.Linear(32 * 4 * 4, 10),
    ).eval()


def test_pytorch_runs_chapter_8s_cnn_on_minigrads_weights_unchanged():
    """"PyTorch needs none of this": the same state_dict, no transposition, the same scores."""
    torch = pytest.importorskip("torch", reason="PyTorch is not installed: the CNN port is not run")
    from minigrad import train

    model = chapter_8_cnn()
    x = np.random.default_rng(1).uniform(0, 1, (16, 1, 8, 8)).astype(np.float32)
    tnn = torch.nn
    ported = tnn.Sequential(
        tnn.Conv2d(1, 16, 3, padding=1), tnn.ReLU(),
        tnn.Conv2d(16, 32, 3, padding=1), tnn.ReLU(),
        tnn.MaxPool2d(2),
        tnn.Flatten(), tnn.Dropout(0.25),
        tnn.Linear(32 * 4 * 4, 10),
    )
    ported.load_state_dict({name: torch.from_numpy(np.asarray(array))
                            for name, array in model.state_dict().items()})
    ported.eval()
    with torch.no_grad():
        scores = ported(torch.from_numpy(x)).numpy()
    expected = train.predict(model, x)
    np.testing.assert_allclose(scores, expected, rtol=1e-4, atol=1e-5)
    assert np.ptp(expected) > 0.1                     # scores that differ, not all zero


def test_default_initialisations_differ_as_the_appendix_says():
    """minigrad's Linear: N(0, 2/n_in) weights, zero biases; PyTorch's: weights and biases
    uniform in ±1/√n_in. So the same architecture and seed start from different weights."""
    torch = pytest.importorskip("torch", reason="PyTorch is not installed: its initialisation "
                                                "is not checked")
    n_in, n_out = 400, 300
    minigrad.manual_seed(0)
    ours = nn.Linear(n_in, n_out)
    w = ours.weight.data
    assert abs(w.std() / np.sqrt(2 / n_in) - 1) < 0.02 and abs(w.mean()) < 0.003
    assert np.abs(w).max() > 3 / np.sqrt(n_in)        # a normal's tails: not a ±1/√n_in uniform
    assert np.all(ours.bias.data == 0)

    torch.manual_seed(0)
    theirs = torch.nn.Linear(n_in, n_out)
    tw, tb = theirs.weight.detach().numpy(), theirs.bias.detach().numpy()
    bound = 1 / np.sqrt(n_in)
    assert np.abs(tw).max() <= bound and np.abs(tw).max() > 0.99 * bound
    assert abs(tw.std() / (bound / np.sqrt(3)) - 1) < 0.02
    assert np.abs(tb).max() <= bound and np.count_nonzero(tb) == n_out


def test_keras_dense_defaults_are_glorot_uniform_and_zeros():
    keras = pytest.importorskip("keras", reason="Keras is not installed: its initialisation "
                                                "is not checked")
    layer = keras.layers.Dense(10)
    assert type(layer.kernel_initializer).__name__ == "GlorotUniform"
    assert type(layer.bias_initializer).__name__ == "Zeros"


def test_keras_runs_chapter_8s_cnn_with_the_appendix_reorderings():
    """The appendix's Keras recipe, in Keras itself: kernels transpose(2, 3, 1, 0), images
    (N, H, W, C), the first dense layer's rows from (C, H, W) to (H, W, C); without the last
    step the scores are wrong."""
    keras = pytest.importorskip("keras", reason="Keras is not installed: the Keras CNN port "
                                                "is not run")
    from keras import layers
    from minigrad import train

    model = chapter_8_cnn()
    weights = {name: np.asarray(array) for name, array in model.state_dict().items()}
    x = np.random.default_rng(1).uniform(0, 1, (16, 1, 8, 8)).astype(np.float32)
    ported = keras.Sequential([keras.Input(shape=(8, 8, 1)),
                               layers.Conv2D(16, 3, padding="same", activation="relu"),
                               layers.Conv2D(32, 3, padding="same", activation="relu"),
                               layers.MaxPooling2D(2),
                               layers.Flatten(), layers.Dropout(0.25),
                               layers.Dense(10)])
    C, H, W = 32, 4, 4
    w = weights["7.weight"]
    ported.layers[0].set_weights([weights["0.weight"].transpose(2, 3, 1, 0), weights["0.bias"]])
    ported.layers[1].set_weights([weights["2.weight"].transpose(2, 3, 1, 0), weights["2.bias"]])
    dense = ported.layers[-1]
    dense.set_weights([w.T.reshape(C, H, W, -1).transpose(1, 2, 0, 3).reshape(C * H * W, -1),
                       weights["7.bias"]])
    images = x.transpose(0, 2, 3, 1)                  # (N, C, H, W) -> (N, H, W, C)
    expected = train.predict(model, x)
    np.testing.assert_allclose(np.asarray(ported.predict(images, verbose=0)), expected,
                               rtol=1e-4, atol=1e-4)
    dense.set_weights([w.T, weights["7.bias"]])       # rows left in (C, H, W) order
    assert not np.allclose(np.asarray(ported.predict(images, verbose=0)), expected, atol=1e-2)
    dense.set_weights([w.T.reshape(C, H, W, -1).transpose(1, 2, 0, 3).reshape(C * H * W, -1),
                       weights["7.bias"]])
    # "Beware of weight.T": a square kernel loads silently with every filter transposed.
    ported.layers[0].set_weights([weights["0.weight"].T, weights["0.bias"]])
    assert not np.allclose(np.asarray(ported.predict(images, verbose=0)), expected, atol=1e-2)


def test_a_trained_cnn_with_the_dense_rows_left_in_c_h_w_order_answers_at_random():
    """"The ported network of chapter 8 simply answers at random, with an accuracy of about 0.10":
    chapter 8's network trained on the digits (five seeds), its feature maps flattened in Keras's
    (H, W, C) order but the first dense layer's rows left in minigrad's (C, H, W) order."""
    from minigrad import data, optim, train

    images, labels = data.load_digits()
    X_train, X_test, y_train, y_test = data.train_test_split(images[:, None], labels,
                                                             test_size=0.2, seed=0)
    right, wrong = [], []
    for seed in range(5):
        model = chapter_8_cnn(seed).train()
        train.fit(model, nn.CrossEntropyLoss(), optim.Adam(model.parameters(), lr=0.005),
                  data.DataLoader(X_train, y_train, batch_size=32, shuffle=True), epochs=5,
                  progress=False)
        model.eval()
        maps = train.predict(model[:5], X_test)                      # (N, C, H, W)
        w, b = model[7].weight.data, model[7].bias.data
        keras_order = maps.transpose(0, 2, 3, 1).reshape(len(maps), -1)   # Flatten, channels last
        for accuracies, features in [(right, maps.reshape(len(maps), -1)), (wrong, keras_order)]:
            accuracies.append(np.mean((features @ w.T + b).argmax(axis=1) == y_test))
    assert min(right) > 0.95
    assert 0.05 < np.mean(wrong) < 0.15 and max(wrong) < 0.2


def test_chapter_7s_scikit_learn_snippet_runs_warns_and_scores_above_095(capsys):
    """Chapter 7's ``MLPClassifier`` block runs as printed on the chapter's split (1,149 training
    images after the validation split): it warns that 20 epochs did not converge, as the prose
    says, and its test accuracy is above 0.95 (0.969 with scikit-learn 1.9)."""
    import re
    from pathlib import Path

    pytest.importorskip("sklearn", reason="scikit-learn is not installed: the chapter 7 "
                                          "MLPClassifier snippet is not checked")
    from sklearn.exceptions import ConvergenceWarning

    text = (Path(__file__).resolve().parents[1] / "book/chapters/07-training-mlps.md").read_text()
    [code] = [block for block in re.findall(r"```python\n(.*?)```", text, re.S)
              if "MLPClassifier" in block]
    split = digits_namespace()
    namespace = dict(X_train=split["X_fit"], y_train=split["y_fit"],
                     X_test=split["X_test"], y_test=split["y_test"])
    with pytest.warns(ConvergenceWarning):
        exec(compile(code, "chapter 7", "exec"), namespace)
    assert namespace["classifier"].get_params()["alpha"] == 1e-4     # the default the prose names
    assert float(capsys.readouterr().out.split()[-1]) >= 0.95
