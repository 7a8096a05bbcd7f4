"""minigrad.save / minigrad.load: exact round trips, clear refusals, no code from a weights file."""

import numpy as np
import pytest

import minigrad
import minigrad.nn as nn
from minigrad import Tensor


def test_round_trip_is_exact_in_dtype_and_values(tmp_path):
    rng = np.random.default_rng(0)
    state = {
        "w32": rng.normal(size=(3, 4)).astype(np.float32),
        "w64": rng.normal(size=(5,)),
        "ids": np.arange(-3, 3, dtype=np.int64),
        "mask": np.array([True, False]),
        "scalar": np.float32(np.pi),
        "file": Tensor([1.5, -2.0]),       # a key np.savez would take for its own argument
    }
    minigrad.save(state, tmp_path / "w.npz")
    back = minigrad.load(tmp_path / "w.npz")
    assert list(back) == list(state)
    for name, value in state.items():
        value = value.data if isinstance(value, Tensor) else np.asarray(value)
        assert back[name].dtype == value.dtype and back[name].shape == value.shape
        np.testing.assert_array_equal(back[name], value)


def test_a_saved_model_loads_into_the_same_architecture(tmp_path):
    minigrad.manual_seed(0)
    model = nn.Sequential(nn.Conv2d(1, 4, 3), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 6 * 6, 3))
    path = str(tmp_path / "model.npz")
    minigrad.save(model, path)
    minigrad.manual_seed(1)
    twin = nn.Sequential(nn.Conv2d(1, 4, 3), nn.ReLU(), nn.Flatten(), nn.Linear(4 * 6 * 6, 3))
    twin.load_state_dict(minigrad.load(path))
    x = Tensor(np.random.default_rng(0).random((2, 1, 8, 8), dtype=np.float32))
    np.testing.assert_array_equal(twin(x).data, model(x).data)


def test_loading_into_another_architecture_fails_with_load_state_dicts_error(tmp_path):
    minigrad.save(nn.MLP([2, 8, 1]), tmp_path / "mlp.npz")
    weights = minigrad.load(tmp_path / "mlp.npz")
    with pytest.raises(ValueError, match=r"shape mismatches: 0\.weight: file \(8, 2\), model \(5, 2\)"):
        nn.MLP([2, 5, 1]).load_state_dict(weights)
    with pytest.raises(ValueError, match=r"missing keys: 4\.weight, 4\.bias"):
        nn.MLP([2, 8, 8, 1]).load_state_dict(weights)


def test_an_object_array_is_refused(tmp_path):
    path = tmp_path / "evil.npz"
    np.savez(path, weight=np.array([{"payload": "anything"}, None], dtype=object), allow_pickle=True)
    with pytest.raises(ValueError, match="'weight' is an object array; refused"):
        minigrad.load(path)
    with pytest.raises(ValueError, match="save: 'w' has dtype object"):
        minigrad.save({"w": np.array([None])}, tmp_path / "x.npz")


def test_files_that_are_not_weight_archives_are_refused(tmp_path):
    np.save(tmp_path / "one.npy", np.zeros(3))
    with pytest.raises(ValueError, match="holds a single array"):
        minigrad.load(tmp_path / "one.npy")
    (tmp_path / "p.pkl").write_bytes(b"\x80\x04K\x01.")          # pickle of the number 1
    with pytest.raises(ValueError, match="is not a weights file"):
        minigrad.load(tmp_path / "p.pkl")
    minigrad.save(nn.MLP([2, 3]), tmp_path / "cut.npz")
    whole = (tmp_path / "cut.npz").read_bytes()
    (tmp_path / "cut.npz").write_bytes(whole[:len(whole) // 2])      # an interrupted download
    with pytest.raises(ValueError, match="cut.npz is not a weights file"):
        minigrad.load(tmp_path / "cut.npz")
    with pytest.raises(TypeError, match="expected a Module or a dict of arrays, got list"):
        minigrad.save([np.zeros(2)], tmp_path / "l.npz")
