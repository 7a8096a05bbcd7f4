"""minigrad.data and minigrad.mnist: the digits, splits, synthetic sets, batches and IDX files."""

import gzip
import hashlib
import io
import shutil
import urllib.error
import urllib.request

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import minigrad
from minigrad import data, mnist
from minigrad.data import (DataLoader, load_digits, load_mnist, make_blobs, make_circles,
                           make_moons, make_spirals, make_wages, make_xor, read_idx,
                           train_test_split)

DIGIT_COUNTS = [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]


# --- digits -----------------------------------------------------------------------------------
def test_digits_shapes_dtypes_range_and_labels():
    X, y = load_digits()
    assert X.shape == (1797, 8, 8) and X.dtype == np.float32
    assert y.shape == (1797,) and y.dtype == np.int64
    assert X.min() == 0.0 and X.max() == 1.0
    assert np.array_equal(X * 16, np.round(X * 16))  # pixel counts 0..16, divided by 16
    assert np.bincount(y).tolist() == DIGIT_COUNTS
    # the file's first row: 0,0,5,13,9,1,0,0 then ... label 0
    assert np.array_equal(X[0, 0] * 16, [0, 0, 5, 13, 9, 1, 0, 0]) and y[0] == 0


def test_digits_are_cached_and_returned_as_copies():
    data._read_digits.cache_clear()
    X, y = load_digits()
    X[:] = -1
    y[:] = -1
    X2, y2 = load_digits()
    assert data._read_digits.cache_info().hits == 1
    assert X2.min() == 0.0 and np.bincount(y2).tolist() == DIGIT_COUNTS


def test_digits_checksum_rejects_a_corrupted_copy(tmp_path, monkeypatch):
    good = tmp_path / "good.csv.gz"
    shutil.copy(data.DIGITS_PATH, good)
    monkeypatch.setattr(data, "DIGITS_PATH", good)
    assert load_digits()[0].shape == (1797, 8, 8)   # the patched path is the one read
    bad = tmp_path / "bad.csv.gz"
    raw = bytearray(good.read_bytes())
    raw[1000] ^= 0xFF
    bad.write_bytes(bytes(raw))
    monkeypatch.setattr(data, "DIGITS_PATH", bad)
    with pytest.raises(ValueError, match=r"load_digits: .*bad\.csv\.gz has sha256 .* expected"):
        load_digits()


def test_digits_data_ships_with_credit():
    readme = (data.DIGITS_PATH.parent / "README.md").read_text()
    assert "Alpaydin" in readme and "Kaynak" in readme and "CC BY 4.0" in readme


# --- train_test_split -------------------------------------------------------------------------
def test_stratified_split_of_digits_keeps_class_shares():
    X, y = load_digits()
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, seed=0)
    assert X_test.shape == (360, 8, 8) and X_train.shape == (1437, 8, 8)
    quota = np.array(DIGIT_COUNTS) * 360 / 1797
    per_class = np.bincount(y_test, minlength=10)
    assert np.all((per_class == np.floor(quota)) | (per_class == np.ceil(quota)))
    assert np.array_equal(np.bincount(y_train) + per_class, DIGIT_COUNTS)


def test_split_is_a_reproducible_partition():
    X, y = np.arange(100) * 10, np.arange(100) % 3
    a = train_test_split(X, y, test_size=0.25, seed=4)
    b = train_test_split(X, y, test_size=0.25, seed=4)
    c = train_test_split(X, y, test_size=0.25, seed=5)
    assert all(np.array_equal(p, q) for p, q in zip(a, b))
    assert not np.array_equal(a[1], c[1])
    X_train, X_test, y_train, y_test = a
    assert len(X_test) == 25 and sorted(np.concatenate([X_train, X_test])) == list(X)
    assert np.array_equal(y_test, X_test // 10 % 3)      # rows stay paired with their labels
    assert not np.array_equal(X_test, np.sort(X_test))  # the test set is shuffled


def test_stratified_split_gives_the_extra_samples_to_the_largest_remainders():
    y = np.array([0] * 1 + [1] * 3 + [2] * 6)   # quotas at 30%: 0.3, 0.9, 1.8
    _, _, _, y_test = train_test_split(np.arange(10), y, test_size=0.3)
    assert np.bincount(y_test, minlength=3).tolist() == [0, 1, 2]


def test_unstratified_split_and_integer_test_size():
    X, y = np.arange(10), np.array([0] * 9 + [1])
    X_train, X_test, _, _ = train_test_split(X, y, test_size=3, stratify=False)
    assert len(X_test) == 3 and len(X_train) == 7
    assert set(X_train) | set(X_test) == set(range(10))


@pytest.mark.parametrize("test_size", [0, 1.0, 1.5, -0.1, 10, True, "0.2"])
def test_split_rejects_bad_test_sizes(test_size):
    with pytest.raises(ValueError, match="train_test_split: test_size"):
        train_test_split(np.arange(10), np.arange(10) % 2, test_size=test_size)


def test_split_rejects_mismatched_or_non_label_targets():
    with pytest.raises(ValueError, match="X has 10 samples but y has 9"):
        train_test_split(np.arange(10), np.arange(9))
    with pytest.raises(ValueError, match=r"stratify needs class labels y of shape \(N,\)"):
        train_test_split(np.arange(10), np.zeros((10, 2)))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 4), min_size=2, max_size=80), st.floats(0.05, 0.95),
       st.integers(0, 2**32 - 1))
def test_stratified_split_rounds_every_class_quota(labels, fraction, seed):
    y = np.array(labels)
    n, n_test = len(y), int(np.ceil(fraction * len(y)))
    if not 0 < n_test < n:
        return
    _, X_test, _, y_test = train_test_split(np.arange(n), y, fraction, seed=seed)
    assert len(y_test) == n_test and np.array_equal(y[X_test], y_test)
    counts, per_class = np.bincount(y, minlength=5), np.bincount(y_test, minlength=5)
    quota = counts * n_test / n
    assert np.all(per_class >= np.floor(quota - 1e-9)) and np.all(per_class <= np.ceil(quota + 1e-9))


# --- synthetic sets ---------------------------------------------------------------------------
MAKERS = [(make_moons, 2), (make_circles, 2), (make_xor, 2), (make_spirals, 3), (make_blobs, 3)]
IDS = [make.__name__ for make, _ in MAKERS]


@pytest.mark.parametrize("make,n_classes", MAKERS, ids=IDS)
def test_synthetic_sets_shapes_classes_and_seeds(make, n_classes):
    X, y = make(101, seed=1)
    assert X.shape == (101, 2) and X.dtype == np.float32 and y.dtype == np.int64
    counts = np.bincount(y)
    assert len(counts) == n_classes and counts.max() - counts.min() <= 1
    assert not np.array_equal(y[:20], np.sort(y[:20]))  # shuffled: classes interleave
    X2, y2 = make(101, seed=1)
    assert np.array_equal(X, X2) and np.array_equal(y, y2)
    assert not np.array_equal(make(101, seed=2)[0], X)
    minigrad.manual_seed(7)
    X3, _ = make(101, seed=None)
    minigrad.manual_seed(7)
    assert np.array_equal(make(101, seed=None)[0], X3)


@pytest.mark.parametrize("make,n_classes", MAKERS, ids=IDS)
def test_synthetic_sets_reject_bad_arguments(make, n_classes):
    with pytest.raises(ValueError, match=f"{make.__name__}: n must be an integer >= the "
                                         f"{n_classes} classes, got {n_classes - 1}"):
        make(n_classes - 1)
    with pytest.raises(ValueError, match=f"{make.__name__}: noise must be >= 0, got -0.5"):
        make(10, noise=-0.5)


def test_moons_without_noise_lie_on_their_half_circles():
    X, y = make_moons(300, noise=0.0)
    upper, lower = X[y == 0].astype(np.float64), X[y == 1].astype(np.float64)
    assert np.allclose(np.hypot(*upper.T), 1, atol=1e-6) and upper[:, 1].min() >= 0
    assert np.allclose(np.hypot(*(lower - [1, 0.5]).T), 1, atol=1e-6)
    assert lower[:, 1].max() <= 0.5 + 1e-6


def test_circles_without_noise_have_their_radii():
    X, y = make_circles(200, noise=0.0, factor=0.3)
    radius = np.hypot(*X.astype(np.float64).T)
    assert np.allclose(radius[y == 0], 1, atol=1e-6) and np.allclose(radius[y == 1], 0.3, atol=1e-6)
    with pytest.raises(ValueError, match="make_circles: factor"):
        make_circles(factor=1.0)


def test_xor_without_noise_sits_on_the_corners():
    X, y = make_xor(200, noise=0.0)
    assert set(map(tuple, X.tolist())) == {(1, 1), (-1, -1), (1, -1), (-1, 1)}
    assert np.array_equal(y, (X[:, 0] > 0) != (X[:, 1] > 0))
    assert np.bincount([2 * (a > 0) + (b > 0) for a, b in X]).tolist() == [50] * 4


def test_spiral_arms_follow_their_angle():
    X, y = make_spirals(300, n_classes=4, noise=0.0)
    x = X.astype(np.float64)
    r = np.hypot(*x.T)
    assert r.max() <= 1
    expected = 2 * np.pi * (y / 4 + r)
    gap = np.angle(np.exp(1j * (np.arctan2(x[:, 1], x[:, 0]) - expected)))
    assert np.abs(gap).max() < 1e-4
    assert np.bincount(y).tolist() == [75] * 4


def test_blobs_sit_on_their_centers():
    centers = [[0, 0], [5, 5]]
    X, y = make_blobs(10, centers=centers, noise=0.0)
    assert np.array_equal(X, np.array(centers, dtype=np.float32)[y])
    X, y = make_blobs(400, centers=4, noise=0.1, seed=3)
    means = np.array([X[y == k].mean(axis=0) for k in range(4)])
    assert np.allclose(np.hypot(*means.T), 2, atol=0.05)
    with pytest.raises(ValueError, match=r"make_blobs: centers .* got shape \(2, 3\)"):
        make_blobs(centers=[[0, 0, 0], [1, 1, 1]])


def test_wages_mirror_the_interaction_table():
    X, wage = make_wages(1000, noise=0.0, seed=0)
    assert X.shape == (1000, 2) and X.dtype == np.float32 and wage.dtype == np.float32
    education, tech = X[:, 0], X[:, 1]
    assert set(education.tolist()) == set(range(12, 21)) and set(tech.tolist()) == {0, 1}

    def at(years, job):
        return set(wage[(education == years) & (tech == job)].tolist())
    assert at(12, 1) == {26} and at(13, 1) == {38}   # the slides: +12 a year in tech
    assert at(12, 0) == {20} and at(13, 0) == {23}   # +3 a year outside tech
    # no linear model fits without the interaction term; with it the fit is exact
    education, tech = education.astype(np.float64), tech.astype(np.float64)
    ones = np.ones_like(education)
    linear = np.stack([ones, education, tech], axis=1)
    with_interaction = np.stack([ones, education, tech, education * tech], axis=1)
    wage = wage.astype(np.float64)
    assert np.linalg.lstsq(linear, wage, rcond=None)[1][0] > 1000
    coef = np.linalg.lstsq(with_interaction, wage, rcond=None)[0]
    assert np.allclose(coef, [-16, 3, -102, 9], atol=1e-3)


def test_wages_noise_and_seed():
    X, wage = make_wages(2000, noise=2.0, seed=1)
    X0, clean = make_wages(2000, noise=0.0, seed=1)
    assert np.array_equal(X, X0)
    assert 1.8 < np.std(wage - clean) < 2.2
    assert np.array_equal(make_wages(50, seed=3)[1], make_wages(50, seed=3)[1])
    with pytest.raises(ValueError, match="make_wages: n"):
        make_wages(0)


# --- DataLoader -------------------------------------------------------------------------------
@settings(max_examples=80, deadline=None)
@given(st.integers(1, 60), st.integers(1, 25), st.booleans(), st.booleans(),
       st.integers(0, 1000))
def test_loader_visits_every_sample_once_per_epoch(n, batch_size, shuffle, drop_last, seed):
    X = np.arange(n).reshape(n, 1) * np.ones((1, 3))
    y = np.arange(n) * 10
    loader = DataLoader(X, y, batch_size, shuffle=shuffle, seed=seed, drop_last=drop_last)
    for _ in range(2):
        batches = list(loader)
        assert len(batches) == len(loader)
        sizes = [len(xb) for xb, _ in batches]
        assert all(s == batch_size for s in sizes[:-1])
        if drop_last:
            assert all(s == batch_size for s in sizes)
        seen = np.concatenate([xb[:, 0] for xb, _ in batches]) if batches else np.array([])
        assert np.array_equal(np.concatenate([yb for _, yb in batches] or [[]]), seen * 10)
        assert len(np.unique(seen)) == len(seen) == (n - n % batch_size if drop_last else n)
        if not shuffle:
            assert np.array_equal(seen, np.arange(len(seen)))


def test_unshuffled_batches_are_views():
    X, y = np.zeros((10, 2)), np.zeros(10)
    for xb, yb in DataLoader(X, y, 4):
        assert np.shares_memory(xb, X) and np.shares_memory(yb, y)


def orders(loader, epochs=3):
    return [np.concatenate([xb for xb, _ in loader]) for _ in range(epochs)]


def test_shuffling_is_reproducible_by_seed():
    X, y = np.arange(50), np.arange(50)
    a = orders(DataLoader(X, y, 8, shuffle=True, seed=3))
    b = orders(DataLoader(X, y, 8, shuffle=True, seed=3))
    c = orders(DataLoader(X, y, 8, shuffle=True, seed=4))
    assert all(np.array_equal(p, q) for p, q in zip(a, b))
    assert not np.array_equal(a[0], c[0])
    assert not np.array_equal(a[0], a[1])        # a new order every epoch
    assert not np.array_equal(a[0], X)


def test_shuffling_without_seed_follows_manual_seed():
    X, y = np.arange(50), np.arange(50)
    loader = DataLoader(X, y, 8, shuffle=True)
    minigrad.manual_seed(11)
    a = orders(loader)
    minigrad.manual_seed(11)
    assert all(np.array_equal(p, q) for p, q in zip(a, orders(loader)))


def test_loader_rejects_bad_arguments():
    with pytest.raises(ValueError, match="DataLoader: X has 3 samples but y has 2"):
        DataLoader(np.zeros(3), np.zeros(2))
    with pytest.raises(ValueError, match="DataLoader: batch_size must be a positive integer"):
        DataLoader(np.zeros(3), np.zeros(3), batch_size=0)
    assert "2 batches" in repr(DataLoader(np.zeros(3), np.zeros(3), batch_size=2))


# --- IDX files and MNIST ----------------------------------------------------------------------
CODES = {np.uint8: 0x08, np.int8: 0x09, np.int16: 0x0B, np.int32: 0x0C, np.float32: 0x0D,
         np.float64: 0x0E}


def idx_bytes(array):
    array = np.asarray(array)
    header = bytes([0, 0, CODES[array.dtype.type], array.ndim])
    dims = np.array(array.shape, dtype=">u4").tobytes()
    return header + dims + array.astype(array.dtype.newbyteorder(">")).tobytes()


def write_idx(path, array, gz=False):
    raw = idx_bytes(array)
    path.write_bytes(gzip.compress(raw) if gz else raw)
    return path


@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gzip"])
@pytest.mark.parametrize("dtype", list(CODES), ids=[d.__name__ for d in CODES])
def test_idx_round_trip(tmp_path, dtype, gz):
    rng = np.random.default_rng(0)
    for shape in [(7,), (3, 4, 5), (2, 1, 3, 2)]:
        array = (rng.standard_normal(shape) * 100).astype(dtype)
        back = read_idx(write_idx(tmp_path / "a.idx", array, gz))
        assert back.dtype == dtype and back.dtype.isnative and back.shape == shape
        assert np.array_equal(back, array)
        back[...] = 0  # writable


BROKEN = {
    "truncated data": (lambda raw: raw[:-1], r"is truncated: shape \(3, 4\) of uint8 needs 12 "
                                             r"bytes of data, the file has 11"),
    "extra data": (lambda raw: raw + b"\0\0", r"has 2 unexpected bytes after the 12 bytes"),
    "bad magic": (lambda raw: b"\x08\x03" + raw[2:], r"magic number 0x08030802, not an IDX"),
    "unknown type": (lambda raw: raw[:2] + b"\x0a" + raw[3:], r"unknown element type code 0x0A"),
    "truncated header": (lambda raw: raw[:6], r"truncated inside its header: 2 dimensions need "
                                              r"12 bytes, the file has 6"),
    "too short": (lambda raw: raw[:3], r"has 3 bytes, too few for an IDX header"),
    "no dimensions": (lambda raw: raw[:3] + b"\0", r"declares 0 dimensions"),
}


@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gzip"])
@pytest.mark.parametrize("name", list(BROKEN))
def test_broken_idx_files_say_what_is_wrong(tmp_path, name, gz):
    damage, message = BROKEN[name]
    raw = damage(idx_bytes(np.arange(12, dtype=np.uint8).reshape(3, 4)))
    path = tmp_path / "broken-file.idx"
    path.write_bytes(gzip.compress(raw) if gz else raw)
    with pytest.raises(ValueError, match=r"read_idx: .*broken-file\.idx .*" + message):
        read_idx(path)


def test_damaged_gzip_is_reported(tmp_path):
    packed = gzip.compress(idx_bytes(np.arange(1000, dtype=np.int32)))
    path = tmp_path / "cut.gz"
    path.write_bytes(packed[:len(packed) // 2])
    with pytest.raises(ValueError, match=r"read_idx: .*cut\.gz is a damaged gzip file"):
        read_idx(path)


def fake_mnist(n_train=6, n_test=4, seed=0):
    rng = np.random.default_rng(seed)
    return {
        "train-images-idx3-ubyte": rng.integers(0, 256, (n_train, 28, 28), dtype=np.uint8),
        "train-labels-idx1-ubyte": rng.integers(0, 10, n_train, dtype=np.uint8),
        "t10k-images-idx3-ubyte": rng.integers(0, 256, (n_test, 28, 28), dtype=np.uint8),
        "t10k-labels-idx1-ubyte": rng.integers(0, 10, n_test, dtype=np.uint8),
    }


def check_loaded(loaded, files):
    (X_train, y_train), (X_test, y_test) = loaded
    for X, y, prefix in [(X_train, y_train, "train"), (X_test, y_test, "t10k")]:
        assert X.dtype == np.float32 and y.dtype == np.int64
        pixels = files[f"{prefix}-images-idx3-ubyte"]
        assert np.array_equal(X, pixels.astype(np.float32) / np.float32(255))
        assert np.array_equal(y, files[f"{prefix}-labels-idx1-ubyte"])
        assert X.min() >= 0 and X.max() <= 1


def test_load_mnist_reads_plain_and_gzipped_files(tmp_path):
    files = fake_mnist()
    for i, (name, array) in enumerate(files.items()):
        gz = i % 2 == 1
        write_idx(tmp_path / (name + ".gz" if gz else name), array, gz)
    check_loaded(load_mnist(tmp_path), files)


def test_load_mnist_names_missing_files(tmp_path):
    files = fake_mnist()
    write_idx(tmp_path / "train-images-idx3-ubyte", files["train-images-idx3-ubyte"])
    with pytest.raises(FileNotFoundError, match="lacks train-labels-idx1-ubyte, t10k-images"):
        load_mnist(tmp_path)


def test_load_mnist_cross_checks_images_and_labels(tmp_path):
    files = fake_mnist()
    files["t10k-labels-idx1-ubyte"] = files["t10k-labels-idx1-ubyte"][:3]
    for name, array in files.items():
        write_idx(tmp_path / name, array)
    with pytest.raises(ValueError, match="has 4 images but .*t10k-labels-idx1-ubyte has 3"):
        load_mnist(tmp_path)
    write_idx(tmp_path / "t10k-labels-idx1-ubyte", np.zeros(4, dtype=np.int32))
    with pytest.raises(ValueError, match="holds int32 .* expected uint8 labels"):
        load_mnist(tmp_path)
    write_idx(tmp_path / "t10k-labels-idx1-ubyte", np.array([1, 2, 12, 3], dtype=np.uint8))
    with pytest.raises(ValueError, match="t10k-labels-idx1-ubyte holds label 12; digits are 0..9"):
        load_mnist(tmp_path)


def test_download_offline_raises_a_clear_error(tmp_path, monkeypatch):
    def offline(url, timeout=None):
        raise urllib.error.URLError("no network")
    monkeypatch.setattr(urllib.request, "urlopen", offline)
    with pytest.raises(ConnectionError, match=r"could not download train-images-idx3-ubyte\.gz "
                                              r"\(https://.*no network.*copy the four MNIST"):
        load_mnist(tmp_path / "mnist", download=True)
    assert list((tmp_path / "mnist").iterdir()) == []   # no partial file left behind


def serve(payloads, calls):
    def fake_urlopen(url, timeout=None):
        calls.append(url)
        return io.BytesIO(payloads[url.rsplit("/", 1)[1]])
    return fake_urlopen


def test_download_keeps_only_files_with_the_published_digest(tmp_path, monkeypatch):
    files = fake_mnist()
    payloads = {name + ".gz": gzip.compress(idx_bytes(a)) for name, a in files.items()}
    for name, payload in payloads.items():
        monkeypatch.setitem(mnist.MNIST_SHA256, name, hashlib.sha256(payload).hexdigest())
    calls = []
    monkeypatch.setattr(urllib.request, "urlopen", serve(payloads, calls))
    check_loaded(load_mnist(tmp_path, download=True), files)
    assert len(calls) == 4 and all(url.startswith(mnist.MIRRORS[0]) for url in calls)
    check_loaded(load_mnist(tmp_path, download=True), files)  # already there: no new download
    assert len(calls) == 4

    other = tmp_path / "other"
    monkeypatch.setitem(mnist.MNIST_SHA256, "t10k-images-idx3-ubyte.gz", "0" * 64)
    with pytest.raises(ValueError, match=r"t10k-images-idx3-ubyte\.gz has sha256 .* expected "
                                         r"0{64}; the download was discarded"):
        load_mnist(other, download=True)
    assert sorted(p.name for p in other.iterdir()) == ["train-images-idx3-ubyte.gz",
                                                       "train-labels-idx1-ubyte.gz"]


def test_download_tries_the_next_mirror(tmp_path, monkeypatch):
    files = fake_mnist()
    payloads = {name + ".gz": gzip.compress(idx_bytes(a)) for name, a in files.items()}
    for name, payload in payloads.items():
        monkeypatch.setitem(mnist.MNIST_SHA256, name, hashlib.sha256(payload).hexdigest())
    calls = []
    second = serve(payloads, calls)

    def first_mirror_down(url, timeout=None):
        if url.startswith(mnist.MIRRORS[0]):
            raise urllib.error.URLError("mirror down")
        return second(url)
    monkeypatch.setattr(urllib.request, "urlopen", first_mirror_down)
    check_loaded(load_mnist(tmp_path, download=True), files)
    assert len(calls) == 4 and all(url.startswith(mnist.MIRRORS[1]) for url in calls)


def test_a_digest_is_known_for_each_standard_file():
    assert sorted(mnist.MNIST_SHA256) == sorted(name + ".gz" for name in fake_mnist())
    assert all(len(d) == 64 and int(d, 16) >= 0 for d in mnist.MNIST_SHA256.values())


# --- minigrad.utils.data ----------------------------------------------------------------------
def test_utils_data_imports_like_torch():
    import minigrad.utils.data
    from minigrad.utils.data import DataLoader as Loader, Dataset, TensorDataset  # noqa: F401
    assert minigrad.utils.data.DataLoader is DataLoader is Loader  # one loader, in one place


def test_tensor_dataset_and_its_loader_yield_tuples_of_tensors():
    from minigrad import Tensor
    from minigrad.utils.data import TensorDataset
    X = np.arange(20, dtype=np.float32).reshape(10, 2)
    y = np.arange(10)
    dataset = TensorDataset(Tensor(X), y)
    assert len(dataset) == 10 and isinstance(dataset.tensors[1], Tensor)
    x3, y3 = dataset[3]
    assert x3.data.tolist() == [6.0, 7.0] and y3.item() == 3
    loader = DataLoader(dataset, batch_size=4)
    assert loader.dataset is dataset and len(loader) == 3
    batches = list(loader)
    assert all(isinstance(t, Tensor) for b in batches for t in b)
    assert [len(yb.data) for _, yb in batches] == [4, 4, 2]
    assert np.concatenate([yb.data for _, yb in batches]).tolist() == list(range(10))
    shuffled = DataLoader(dataset, batch_size=3, shuffle=True, seed=0, drop_last=True)
    seen = np.concatenate([yb.data for _, yb in shuffled])
    assert len(seen) == 9 and len(set(seen.tolist())) == 9 and seen.tolist() != sorted(seen.tolist())
    with pytest.raises(ValueError, match=r"same length, got \[10, 3\]"):
        TensorDataset(X, y[:3])


def test_a_dataset_of_samples_is_collated_like_pytorch():
    from minigrad import Tensor
    from minigrad.utils.data import Dataset

    class Squares(Dataset):
        def __len__(self):
            return 5

        def __getitem__(self, i):
            return np.array([i, i * i], dtype=np.float32), i % 2

    batches = list(DataLoader(Squares(), batch_size=2))
    assert len(batches) == 3
    xb, yb = batches[1]
    assert isinstance(xb, Tensor) and xb.data.tolist() == [[2, 4], [3, 9]]
    assert yb.data.tolist() == [0, 1] and yb.dtype.kind == "i"
    plain = list(DataLoader([1.0, 2.0, 3.0], batch_size=2))  # anything with len() and [i]
    assert [b.data.tolist() for b in plain] == [[1.0, 2.0], [3.0]]


def test_loader_arguments_are_checked():
    from minigrad.utils.data import Dataset, TensorDataset
    with pytest.raises(TypeError, match=r"batch size by name \(batch_size=32\)"):
        DataLoader(np.zeros(3), 32)
    assert DataLoader(TensorDataset(np.zeros(3)), 2).batch_size == 2  # PyTorch's positional form
    with pytest.raises(TypeError, match="already holds its targets"):
        DataLoader(TensorDataset(np.zeros(3)), np.zeros(3))
    with pytest.raises(TypeError, match="expected a Dataset"):
        DataLoader(3)
    with pytest.raises(NotImplementedError, match="must define __len__"):
        len(Dataset())


def test_fit_trains_on_batches_of_tensors():
    import minigrad
    import minigrad.nn as nn
    import minigrad.optim as optim
    from minigrad.train import fit
    from minigrad.utils.data import TensorDataset
    X, y = make_moons(64, seed=0)
    minigrad.manual_seed(0)
    model = nn.MLP([2, 16, 2])
    history = fit(model, nn.CrossEntropyLoss(), optim.Adam(model.parameters(), lr=0.02),
                  DataLoader(TensorDataset(X, y), batch_size=16, shuffle=True, seed=0), epochs=15,
                  val_data=DataLoader(TensorDataset(X, y), batch_size=64), progress=False)
    assert history.history["loss"][-1] < history.history["loss"][0]
    assert history.history["val_accuracy"][-1] > 0.8
