"""minigrad.save / minigrad.load: exact round trips, clear refusals, no code from a weights file."""

import io
import os
import pickle
import sys
import types
import zipfile

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
    assert isinstance(back["file"], Tensor) and not isinstance(back["w32"], Tensor)
    for name, value in state.items():
        value, got = (np.asarray(getattr(v, "data", v)) for v in (value, back[name]))
        assert got.dtype == value.dtype and got.shape == value.shape
        np.testing.assert_array_equal(got, value)


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
    with pytest.raises(TypeError, match=r"the object\[1\] is a set"):
        minigrad.save([np.zeros(2), {1, 2}], tmp_path / "l.npz")
    with zipfile.ZipFile(tmp_path / "raw.zip", "w") as z:
        z.writestr("weights.bin", b"\x00" * 8)
    with pytest.raises(ValueError, match=r"not a weights file: it holds \['weights.bin'\]"):
        minigrad.load(tmp_path / "raw.zip")


def test_tensors_lists_and_dicts_round_trip(tmp_path):
    t = Tensor(np.arange(6, dtype=np.float32).reshape(2, 3), requires_grad=True)
    minigrad.save(t, tmp_path / "t.npz")
    back = minigrad.load(tmp_path / "t.npz")
    assert isinstance(back, Tensor) and back.requires_grad and back.dtype == np.float32
    np.testing.assert_array_equal(back.data, t.data)
    things = {"weights": [Tensor([1.0, 2.0]), Tensor(np.arange(3))], "step": 7, "name": "run",
              "shape": (2, 3), 5: None, "nested": {"a": np.float64(0.5), "arr": np.eye(2)}}
    minigrad.save(things, tmp_path / "things.npz")
    back = minigrad.load(tmp_path / "things.npz")
    assert list(back) == list(things) and back["step"] == 7 and back["shape"] == (2, 3)
    assert back[5] is None and back["name"] == "run"
    assert back["nested"]["a"] == 0.5 and back["nested"]["a"].dtype == np.float64
    assert [w.data.tolist() for w in back["weights"]] == [[1.0, 2.0], [0, 1, 2]]
    np.testing.assert_array_equal(back["nested"]["arr"], np.eye(2))
    with np.load(tmp_path / "things.npz") as archive:  # numpy reads the arrays too
        assert set(archive.files) == {"0", "1", "2", "3", "structure.json"}
        np.testing.assert_array_equal(archive["3"], np.eye(2))


def test_an_optimiser_state_round_trips(tmp_path):
    minigrad.manual_seed(0)
    model = nn.Linear(3, 2)
    opt = minigrad.optim.Adam(model.parameters(), lr=0.01)
    for _ in range(2):
        model(Tensor(np.ones((4, 3), np.float32))).sum().backward()
        opt.step()
    minigrad.save(opt.state_dict(), tmp_path / "opt.npz")
    fresh = minigrad.optim.Adam(model.parameters(), lr=0.5)
    fresh.load_state_dict(minigrad.load(tmp_path / "opt.npz"))
    assert fresh.param_groups[0]["lr"] == 0.01 and fresh.param_groups[0]["betas"] == (0.9, 0.999)
    for p in model.parameters():
        assert fresh.state[p]["step"] == 2
        np.testing.assert_array_equal(fresh.state[p]["exp_avg"], opt.state[p]["exp_avg"])


def test_tied_parameters_load_strictly(tmp_path):
    shared = nn.Linear(2, 2)
    model = nn.Sequential(shared, nn.Tanh(), shared)
    minigrad.save(model, tmp_path / "tied.npz")
    twin_layer = nn.Linear(2, 2)
    twin = nn.Sequential(twin_layer, nn.Tanh(), twin_layer)
    assert twin.load_state_dict(minigrad.load(tmp_path / "tied.npz"), strict=True) == ([], [])
    np.testing.assert_array_equal(twin_layer.weight.data, shared.weight.data)


# --- PyTorch checkpoints -------------------------------------------------------------------------
def fake_torch_zip(path, obj, storages, monkeypatch):
    """A zip laid out as torch.save writes it, pickled with stand-ins for torch's names, so that
    reading it is tested without PyTorch."""
    class Storage:
        def __init__(self, kind, key):
            self.kind, self.key = kind, key

    class Pickler(pickle.Pickler):
        def persistent_id(self, obj):
            if isinstance(obj, Storage):
                return ("storage", fake.__dict__[obj.kind], obj.key, "cpu", len(storages[obj.key]))
            return None

    fake, utils = types.ModuleType("torch"), types.ModuleType("torch._utils")
    for name in ("FloatStorage", "LongStorage"):
        setattr(fake, name, type(name, (), {"__module__": "torch"}))

    def _rebuild_tensor_v2(*args):
        raise AssertionError("never called while pickling")
    _rebuild_tensor_v2.__module__, _rebuild_tensor_v2.__qualname__ = "torch._utils", "_rebuild_tensor_v2"
    utils._rebuild_tensor_v2 = _rebuild_tensor_v2
    with monkeypatch.context() as m:  # pickle checks that the names it writes can be imported
        m.setitem(sys.modules, "torch", fake)
        m.setitem(sys.modules, "torch._utils", utils)

        def tensor(kind, key, offset, size, stride):
            class Reduce:
                def __reduce__(self):
                    return (_rebuild_tensor_v2, (Storage(kind, key), offset, size, stride, False,
                                                 {}))
            return Reduce()
        buffer = io.BytesIO()
        Pickler(buffer, protocol=2).dump(obj(tensor))
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("archive/data.pkl", buffer.getvalue())
        z.writestr("archive/byteorder", "little")
        for key, array in storages.items():
            z.writestr(f"archive/data/{key}", array.tobytes())


def test_a_hand_made_torch_checkpoint_is_read_without_torch(tmp_path, monkeypatch):
    weights = np.arange(6, dtype=np.float32)
    fake_torch_zip(tmp_path / "ck.pt", lambda tensor: {
        "weight": tensor("FloatStorage", "0", 0, (2, 3), (3, 1)),
        "weight_t": tensor("FloatStorage", "0", 0, (3, 2), (1, 3)),   # a view: same storage
        "tail": tensor("FloatStorage", "0", 4, (2,), (1,)),
        "ids": tensor("LongStorage", "1", 0, (3,), (1,)), "epoch": 3},
        {"0": weights, "1": np.array([7, 8, 9], dtype=np.int64)}, monkeypatch)
    back = minigrad.load(tmp_path / "ck.pt")
    assert back["epoch"] == 3 and isinstance(back["weight"], Tensor)
    np.testing.assert_array_equal(back["weight"].data, weights.reshape(2, 3))
    np.testing.assert_array_equal(back["weight_t"].data, weights.reshape(2, 3).T)
    assert back["tail"].data.tolist() == [4.0, 5.0] and back["ids"].data.tolist() == [7, 8, 9]


class Payload:
    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        return (os.mkdir, (self.path,))


def test_a_checkpoint_holding_code_is_refused_and_never_run(tmp_path):
    target = str(tmp_path / "pwned")
    with zipfile.ZipFile(tmp_path / "evil.pt", "w") as z:
        z.writestr("archive/data.pkl", pickle.dumps({"weight": Payload(target)}, protocol=2))
    with pytest.raises(ValueError, match=r"PyTorch checkpoint holding (posix|nt|os)\.mkdir.*refused"):
        minigrad.load(tmp_path / "evil.pt")
    assert not os.path.exists(target)


def test_torch_checkpoints_load_into_the_same_architecture(tmp_path):
    torch = pytest.importorskip("torch")
    torch.manual_seed(0)
    theirs = torch.nn.Sequential(torch.nn.Linear(4, 3), torch.nn.ReLU(), torch.nn.Linear(3, 2))
    torch.save(theirs.state_dict(), tmp_path / "torch.pt")
    ours = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2))
    state = minigrad.load(tmp_path / "torch.pt")
    assert list(state) == ["0.weight", "0.bias", "2.weight", "2.bias"]
    ours.load_state_dict(state)
    x = np.random.default_rng(0).normal(size=(5, 4)).astype(np.float32)
    np.testing.assert_allclose(ours(x).data, theirs(torch.tensor(x)).detach().numpy(), rtol=1e-6)
    tied = torch.nn.Linear(2, 2)
    torch.save(torch.nn.Sequential(tied, torch.nn.Tanh(), tied).state_dict(), tmp_path / "tied.pt")
    layer = nn.Linear(2, 2)
    nn.Sequential(layer, nn.Tanh(), layer).load_state_dict(minigrad.load(tmp_path / "tied.pt"))
    np.testing.assert_array_equal(layer.weight.data, tied.weight.detach().numpy())
    mixed = {"half": torch.ones(2, dtype=torch.float16), "bf": torch.tensor([1.5, -2.0],
             dtype=torch.bfloat16), "grid": torch.arange(12.0).reshape(3, 4)[:, 1:3], "n": 5}
    torch.save(mixed, tmp_path / "mixed.pt")
    back = minigrad.load(tmp_path / "mixed.pt")
    assert back["half"].dtype == np.float16 and back["bf"].data.tolist() == [1.5, -2.0]
    assert back["grid"].data.tolist() == [[1, 2], [5, 6], [9, 10]] and back["n"] == 5
    torch.save(theirs, tmp_path / "model.pt")  # a whole pickled model, not its weights
    with pytest.raises(ValueError, match=r"holding torch\.nn\.modules.*torch\.save\(model\.state_dict"):
        minigrad.load(tmp_path / "model.pt")
