"""The appendix's porting recipes, executed: PyTorch where it is installed, and the Keras
reorderings of a convolutional network checked with numpy (Keras itself is not a dependency)."""
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
