"""Graders for chapter 9 (exercises/ch09_autoencoders.py): PCA's error, masking noise, flagging
anomalies, a tied-weights autoencoder that beats PCA.

Every expected value is computed here, by another route than the reference solution (PCA's
errors by reconstructing with the covariance matrix's eigenvectors, not from the singular values).
Masks are random, so ``mask_pixels`` is judged by what any correct version must do: exactly m
zeros per image, the other pixels untouched, a draw from the generator it is given (same seed,
same masks), a new draw for every image, every pixel as likely, and its input left alone.
``flag_anomalies`` is compared with the lowest normal error that leaves at most m of them
above it, found by trying them all, not by sorting. The autoencoder is judged without looking at how it is built: its parameter count, gradients that
reach the encoder's matrices from the decoder, and a code and a reconstruction that are not
linear in their inputs; then the grader trains it itself, the same way for everyone, for a fixed
budget.
"""

from __future__ import annotations

import numpy as np
import pytest

import grading
from grading import described, shown
from grading.ch09_hints import HINTS  # test_hint_spoilers.py reads them here
import minigrad
import minigrad.nn as nn
import minigrad.optim as optim
from minigrad import Tensor
from minigrad.data import DataLoader, load_digits, train_test_split
from minigrad.train import fit, predict


# --- 9.1 the error of PCA -----------------------------------------------------------------------
def expected_errors(X: np.ndarray) -> np.ndarray:
    """The grader's own route: reconstruct with the covariance's eigenvectors, for each k."""
    centred = X - X.mean(axis=0)
    _, vectors = np.linalg.eigh(centred.T @ centred)
    top = vectors[:, ::-1]
    return np.array([np.mean((centred @ top[:, :k] @ top[:, :k].T - centred) ** 2)
                     for k in range(X.shape[1] + 1)])


def spread_data(rng: np.random.Generator, n: int, d: int) -> np.ndarray:
    """Points with clearly different variances along d random orthogonal directions, off centre."""
    scales = 6.0 * 0.55 ** np.arange(d)
    rotation = np.linalg.qr(rng.normal(size=(d, d)))[0]
    offset = rng.normal(size=d) * rng.choice([0.0, 3.0, 20.0])
    return np.round((rng.normal(size=(n, d)) * scales) @ rotation + offset, 4)


def check_errors(submission, grade, X):
    grade.trying(f"pca_errors({shown(X)})")
    original = X.copy()
    got = submission.pca_errors(X)
    grade.unchanged("X", X, original, hint=HINTS["errors_untouched"])
    expected = expected_errors(original.astype(float))
    d = X.shape[1]
    grade.array_shape(got, (d + 1,), hint=HINTS["errors_shape"])
    got = np.asarray(got, dtype=float)
    # Errors are sums of squares: compare relative to E_0, the largest of them.
    tol = 1e-9 * max(expected[0], 1e-12)
    grade.check(abs(got[0] - expected[0]) <= tol, hint=HINTS["errors_mean_only"],
                expected={"en": f"E_0 = {expected[0]:.6g}", "ca": f"E_0 = {expected[0]:.6g}"},
                got={"en": f"E_0 = {got[0]:.6g}", "ca": f"E_0 = {got[0]:.6g}"})
    grade.check(abs(got[d]) <= tol, hint=HINTS["errors_all_kept"],
                expected={"en": f"E_{d} = 0", "ca": f"E_{d} = 0"},
                got={"en": f"E_{d} = {got[d]:.6g}", "ca": f"E_{d} = {got[d]:.6g}"})
    grade.check(bool(np.all(np.abs(got - expected) <= tol)), hint=HINTS["errors_values"],
                expected=np.round(expected, 8), got=np.round(got, 8))


ERRORS_CASES = [(1, 40, 2), (2, 60, 5), (3, 30, 8), (4, 6, 8), (5, 200, 3), (6, 2, 4)]  # seed, N, d


@pytest.mark.exercise("ch09.pca_errors", points=3)
class TestPcaErrors:
    @pytest.mark.parametrize("seed, n, d", ERRORS_CASES, ids=[str(c) for c in ERRORS_CASES])
    def test_cases(self, submission, grade, seed, n, d):
        check_errors(submission, grade, spread_data(grading.rng(seed), n, d))

    def test_random_data(self, submission, grade):
        rng = grading.rng(909)
        for _ in range(25):
            d = int(rng.integers(1, 9))
            check_errors(submission, grade, spread_data(rng, int(rng.integers(2, 60)), d))

    def test_integer_pixels_with_a_constant_one(self, submission, grade):
        rng = grading.rng(910)
        X = np.clip(rng.integers(0, 17, size=(1, 6)) + np.round(spread_data(rng, 50, 6)),
                    0, 16).astype(int)
        X[:, 0] = 0           # a pixel that is always black, as in the digits' corners
        check_errors(submission, grade, X)


# --- 9.2 masking noise --------------------------------------------------------------------------
def call_mask(submission, grade, X, fraction, seed):
    """mask_pixels(X, fraction, default_rng(seed)): a new array of X's shape, X left alone."""
    grade.trying(f"mask_pixels(X, fraction={fraction}, rng=np.random.default_rng({seed}))"
                 f"  # X: {X.shape}, every value above 0")
    original = X.copy()
    got = submission.mask_pixels(X, fraction, np.random.default_rng(seed))
    grade.unchanged("X", X, original, hint=HINTS["mask_shape"])
    grade.check(isinstance(got, np.ndarray) and got.shape == X.shape,
                expected={"en": f"a new array of shape {X.shape}",
                          "ca": f"un array nou de forma {X.shape}"},
                got=described(got), hint=HINTS["mask_shape"])
    return np.asarray(got, dtype=float).reshape(len(X), -1)


def positive_images(seed: int, shape: tuple) -> np.ndarray:
    """Pixels in [0.1, 1]: none is 0 before masking, so the zeros afterwards are the mask."""
    return 0.1 + 0.9 * grading.rng(seed).random(shape)


@pytest.mark.exercise("ch09.mask_pixels", points=2)
class TestMaskPixels:
    @pytest.mark.parametrize("shape, fraction", [((30, 64), 0.25), ((30, 64), 0.15),
                                                 ((12, 8, 8), 0.5), ((5, 10), 0.0),
                                                 ((5, 10), 1.0), ((40, 7), 0.3), ((1, 1), 0.6)],
                             ids=str)
    def test_exactly_m_pixels_per_image(self, submission, grade, shape, fraction):
        X = positive_images(len(shape) * 100 + shape[-1], shape)
        got = call_mask(submission, grade, X, fraction, seed=shape[0])
        d = got.shape[1]
        m = round(fraction * d)
        zeros = np.sum(got == 0.0, axis=1)
        grade.check(bool(np.all(zeros == m)), hint=HINTS["mask_count"],
                    expected={"en": f"{m} pixels at 0 in each of the {len(X)} images",
                              "ca": f"{m} píxels a 0 a cadascuna de les {len(X)} imatges"},
                    got={"en": f"from {zeros.min()} to {zeros.max()} pixels at 0",
                         "ca": f"de {zeros.min()} a {zeros.max()} píxels a 0"})
        kept = got != 0.0
        flat = X.reshape(len(X), -1)
        grade.check(np.array_equal(got[kept], flat[kept]), hint=HINTS["mask_kept"],
                    expected={"en": "the other pixels unchanged",
                              "ca": "els altres píxels sense canvis"},
                    got={"en": "some of them changed", "ca": "alguns han canviat"})

    def test_same_seed_same_masks(self, submission, grade):
        X = positive_images(940, (20, 64))
        first = call_mask(submission, grade, X, 0.3, seed=7)
        again = call_mask(submission, grade, X, 0.3, seed=7)
        other = call_mask(submission, grade, X, 0.3, seed=8)
        same, differ = np.array_equal(first, again), not np.array_equal(first, other)
        grade.check(same and differ, hint=HINTS["mask_rng"],
                    expected={"en": "the same masks for seed 7 twice, others for seed 8",
                              "ca": "les mateixes màscares dues vegades amb la llavor 7, i unes "
                                    "altres amb la 8"},
                    got={"en": f"seed 7 twice: {'equal' if same else 'different'}; seeds 7 and "
                               f"8: {'different' if differ else 'equal'}",
                         "ca": f"llavor 7 dues vegades: {'iguals' if same else 'diferents'}; "
                               f"llavors 7 i 8: {'diferents' if differ else 'iguals'}"})

    def test_every_image_its_own_mask_every_pixel_as_likely(self, submission, grade):
        X = positive_images(941, (4000, 64))
        masked = call_mask(submission, grade, X, 0.25, seed=9) == 0.0
        distinct = len({row.tobytes() for row in masked})
        # C(64, 16) possible masks: 4000 independent draws all differ but for a rare coincidence.
        grade.check(distinct >= 3990, hint=HINTS["mask_independent"],
                    expected={"en": "4000 different masks for 4000 images",
                              "ca": "4000 màscares diferents per a 4000 imatges"},
                    got={"en": f"{distinct} different masks",
                         "ca": f"{distinct} màscares diferents"})
        # Each pixel is masked in a quarter of the images; 4000 draws: within ±0.03 (4.4 σ).
        rates = masked.mean(axis=0)
        grade.check(bool(np.all(np.abs(rates - 0.25) < 0.03)), hint=HINTS["mask_uniform"],
                    expected={"en": "every pixel masked in about 25% of the images",
                              "ca": "cada píxel emmascarat en un 25\u00a0% de les imatges, "
                                    "aproximadament"},
                    got={"en": f"pixels masked in {rates.min():.0%} to {rates.max():.0%} of them",
                         "ca": f"píxels emmascarats en un {100 * rates.min():.0f}\u00a0% a un "
                               f"{100 * rates.max():.0f}\u00a0% d'elles"})


# --- 9.2 (continued) flagging anomalies ----------------------------------------------------------
def expected_flags(normal: np.ndarray, errors: np.ndarray, false_alarms: float) -> np.ndarray:
    """The grader's route: try every normal error as the threshold, keep the lowest that leaves
    at most m normal errors above it (a threshold between two of them flags what the upper one
    does, so one of them is the lowest)."""
    m = int(false_alarms * len(normal) // 1)
    threshold = min(t for t in normal if np.sum(normal > t) <= m)
    return errors > threshold


def check_flags(submission, grade, normal, errors, false_alarms, hint="flag_values"):
    grade.trying(f"flag_anomalies({shown(normal)}, {shown(errors)}, {false_alarms!r})")
    before = normal.copy(), errors.copy()
    got = submission.flag_anomalies(normal, errors, false_alarms)
    grade.unchanged("normal_errors", normal, before[0], hint=HINTS["flag_untouched"])
    grade.unchanged("errors", errors, before[1], hint=HINTS["flag_untouched"])
    grade.array_shape(got, errors.shape, hint=HINTS["flag_shape"])
    grade.check(got.dtype == bool, expected={"en": "an array of dtype bool", "ca": "un array de dtype bool"},
                got=described(got), hint=HINTS["flag_shape"])
    expected = expected_flags(before[0], before[1], false_alarms)
    grade.check(np.array_equal(got, expected), expected=expected, got=got, hint=HINTS[hint])


def random_flag_case(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, float]:
    """N normal errors, M to check (some equal to normal ones), and a rate whose m is clear."""
    n = int(rng.integers(1, 40))
    normal = np.round(rng.gamma(2.0, 0.01, n), int(rng.integers(3, 5)))      # ties now and then
    errors = np.concatenate([rng.choice(normal, int(rng.integers(0, 5))),
                             np.round(rng.gamma(2.0, 0.015, int(rng.integers(1, 30))), 4)])
    m = int(rng.integers(0, n))
    false_alarms = (m + float(rng.uniform(0.1, 0.9))) / n          # m · ... well inside [m, m + 1)
    return normal, rng.permutation(errors), false_alarms


@pytest.mark.exercise("ch09.flag_anomalies", points=2)
class TestFlagAnomalies:
    def test_small_cases(self, submission, grade):
        normal = np.array([0.03, 0.01, 0.05, 0.02, 0.04])
        errors = np.array([0.005, 0.03, 0.045, 0.05, 0.06, 0.041])
        for false_alarms in (0.0, 0.1, 0.2, 0.39, 0.4, 0.6, 0.99):
            check_flags(submission, grade, normal, errors, false_alarms)
        check_flags(submission, grade, np.array([0.2]), np.array([0.1, 0.2, 0.3]), 0.5)

    def test_m_rounds_down(self, submission, grade):
        normal = np.linspace(0.01, 0.1, 10)
        errors = np.linspace(0.005, 0.105, 21)
        for false_alarms in (0.29, 0.15, 0.06, 0.91):
            check_flags(submission, grade, normal, errors, false_alarms, hint="flag_m")

    def test_ties(self, submission, grade):
        normal = np.array([0.01, 0.02, 0.02, 0.02, 0.03])
        errors = np.array([0.02, 0.025, 0.03, 0.01])
        for false_alarms in (0.0, 0.2, 0.4, 0.5, 0.79, 0.8):
            check_flags(submission, grade, normal, errors, false_alarms, hint="flag_ties")
        check_flags(submission, grade, np.full(6, 0.04), np.array([0.04, 0.05]), 0.5,
                    hint="flag_ties")

    def test_random_errors(self, submission, grade):
        rng = grading.rng(931)
        for _ in range(40):
            check_flags(submission, grade, *random_flag_case(rng))

    @pytest.mark.parametrize("false_alarms", [1.0, 1.5, -0.1, float("nan")])
    def test_a_rate_outside_0_1_is_refused(self, submission, grade, false_alarms):
        normal, errors = np.array([0.01, 0.02, 0.03]), np.array([0.05])
        grade.trying(f"flag_anomalies({shown(normal)}, {shown(errors)}, {false_alarms!r})")
        grade.refuses(lambda: submission.flag_anomalies(normal, errors, false_alarms),
                      ["flag_anomalies", "false_alarms"], hint=HINTS["flag_refuse"])

    def test_no_normal_errors_is_refused(self, submission, grade):
        grade.trying("flag_anomalies(array([]), array([0.05]), 0.1)")
        grade.refuses(lambda: submission.flag_anomalies(np.array([]), np.array([0.05]), 0.1),
                      ["flag_anomalies", "normal_errors"], hint=HINTS["flag_refuse"])


# --- 9.3 a tied-weights autoencoder that beats PCA ------------------------------------------------
@pytest.fixture(scope="module")
def digits():
    images, labels = load_digits()
    X_train, X_test, _, _ = train_test_split(images.reshape(-1, 64), labels, test_size=0.2, seed=0)
    return X_train, X_test


def pca_error(X_train, X_test, k):
    mean = X_train.mean(axis=0)
    _, vectors = np.linalg.eigh(np.cov(X_train, rowvar=False))
    top = vectors[:, ::-1][:, :k]
    return float(np.mean(((X_test - mean) @ top @ top.T + mean - X_test) ** 2))


def build(submission, grade, sizes):
    """make_tied_autoencoder(sizes), checked: its type, the code's shape, the output's shape,
    and a decoder that works from the code alone."""
    d, k = sizes[0], sizes[-1]
    grade.trying(f"minigrad.manual_seed(0); model = make_tied_autoencoder({sizes})")
    minigrad.manual_seed(0)
    model = submission.make_tied_autoencoder(list(sizes))
    grade.check(isinstance(model, nn.Autoencoder), hint=HINTS["ae_type"],
                expected={"en": "an nn.Autoencoder(encoder, decoder)",
                          "ca": "un nn.Autoencoder(encoder, decoder)"},
                got={"en": f"{model!r} (a {type(model).__name__})",
                     "ca": f"{model!r} (un {type(model).__name__})"})
    x = Tensor(grading.rng(k).random((5, d)).astype(np.float32))
    grade.trying(f"model = make_tied_autoencoder({sizes}); model.encode(x)  # x: (5, {d})")
    code = model.encode(x)
    grade.check(tuple(code.shape) == (5, k), hint=HINTS["ae_code"],
                expected={"en": f"codes of shape (5, {k})", "ca": f"codis de forma (5, {k})"},
                got={"en": f"shape {tuple(code.shape)}", "ca": f"forma {tuple(code.shape)}"})
    grade.trying(f"model = make_tied_autoencoder({sizes}); model(x)  # x: (5, {d})")
    out = model(x)
    grade.check(tuple(out.shape) == (5, d), hint=HINTS["ae_output"],
                expected={"en": f"reconstructions of shape (5, {d})",
                          "ca": f"reconstruccions de forma (5, {d})"},
                got={"en": f"shape {tuple(out.shape)}", "ca": f"forma {tuple(out.shape)}"})
    # The decoder must work from the code alone: decode a code computed earlier, after the
    # encoder has seen other inputs, and get what the whole model gives for that input.
    other = Tensor(grading.rng(k + 100).random((5, d)).astype(np.float32))
    grade.trying(f"code = model.encode(x).data; model.encode(other); model.decode(Tensor(code))"
                 f"  # x, other: (5, {d})")
    saved = np.array(code.data, dtype=np.float32)
    model.encode(other)
    decoded = np.asarray(model.decode(Tensor(saved)).data)
    whole = np.asarray(model(x).data)
    grade.check(decoded.shape == whole.shape and np.allclose(decoded, whole, rtol=1e-5, atol=1e-6),
                hint=HINTS["ae_bottleneck"],
                expected={"en": "model.decode(code) equal to model(x): the reconstruction made "
                                "from the code alone",
                          "ca": "model.decode(code) igual que model(x): la reconstrucció feta "
                                "només a partir del codi"},
                got={"en": "a different result: the model's output does not come from the code",
                     "ca": "un resultat diferent: la sortida del model no surt del codi"})
    return model


def random_sizes(rng: np.random.Generator) -> list[int]:
    """From 1 to 3 layers, each no wider than the one before: [d, …, k]."""
    sizes = [int(rng.integers(2, 80))]
    for _ in range(int(rng.integers(1, 4))):
        sizes.append(int(rng.integers(1, sizes[-1] + 1)))
    return sizes


def weight_matrices(model):
    """The encoder's weight matrices, whatever modules hold them: its 2-D parameters."""
    return [p for p in model.encoder.parameters() if p.data.ndim == 2]


def midpoint_gap(f, a: np.ndarray, b: np.ndarray) -> float:
    """How far f((a + b) / 2) is from (f(a) + f(b)) / 2, relative to f's size: 0 if f is affine."""
    fa, fb, fm = (np.asarray(f(v), dtype=float) for v in (a, b, (a + b) / 2))
    return float(np.max(np.abs(fm - (fa + fb) / 2)) / (np.max(np.abs(fa - fb)) + 1e-12))


def logit(p) -> np.ndarray:
    """The sigmoid's inverse: what the decoder computed before its last step."""
    p = np.clip(np.asarray(p, dtype=float), 1e-7, 1 - 1e-7)
    return np.log(p) - np.log1p(-p)


SHAPES_CASES = [[64, 1], [64, 32, 3], [64, 48, 16, 5], [20, 20]]
RELU_CASES = [[64, 32, 8], [30, 20, 10, 4]]


@pytest.mark.exercise("ch09.make_tied_autoencoder", points=3)
class TestMakeTiedAutoencoder:
    @pytest.mark.parametrize("sizes", SHAPES_CASES, ids=str)
    def test_shapes(self, submission, grade, sizes):
        build(submission, grade, sizes)

    def test_parameter_count(self, submission, grade):
        rng = grading.rng(950)
        for _ in range(8):
            sizes = random_sizes(rng)
            model = build(submission, grade, sizes)
            grade.trying(f"model = make_tied_autoencoder({sizes}); "
                         f"sum(p.data.size for p in model.parameters())")
            encoder = sum(a * b + b for a, b in zip(sizes, sizes[1:]))
            expected = encoder + sum(sizes[:-1])
            got = sum(p.data.size for p in model.parameters())
            grade.check(got == expected, hint=HINTS["ae_count"],
                        expected={"en": f"{expected} parameters: {encoder} in the encoder and "
                                        f"{sum(sizes[:-1])} decoder biases",
                                  "ca": f"{expected} paràmetres: {encoder} al codificador i "
                                        f"{sum(sizes[:-1])} biaixos del descodificador"},
                        got={"en": f"{got} parameters", "ca": f"{got} paràmetres"})

    @pytest.mark.parametrize("sizes", [[64, 32, 2], [64, 8], [30, 20, 10, 4]], ids=str)
    def test_decoder_uses_the_encoders_matrices(self, submission, grade, sizes):
        model = build(submission, grade, sizes)
        z = Tensor(grading.rng(960 + len(sizes)).normal(size=(6, sizes[-1])).astype(np.float32))
        grade.trying(f"model = make_tied_autoencoder({sizes}); model.zero_grad(); "
                     f"model.decode(z).sum().backward()  # z: (6, {sizes[-1]})")
        model.zero_grad()
        model.decode(z).sum().backward()
        matrices = weight_matrices(model)
        reached = sum(p.grad is not None and bool(np.any(np.asarray(p.grad.data) != 0))
                      for p in matrices)
        grade.check(matrices and reached == len(matrices), hint=HINTS["ae_tied"],
                    expected={"en": f"a gradient from the decoder in each weight matrix of the "
                                    f"encoder: {len(sizes) - 1} of {len(sizes) - 1}",
                              "ca": f"un gradient del descodificador a cada matriu de pesos del "
                                    f"codificador: {len(sizes) - 1} de {len(sizes) - 1}"},
                    got={"en": f"{reached} of {len(matrices)}",
                         "ca": f"{reached} de {len(matrices)}"})
        before = np.asarray(model.decode(z).data).copy()
        for i, p in enumerate(matrices):
            grade.trying(f"W = [p for p in model.encoder.parameters() if p.data.ndim == 2][{i}]; "
                         f"W.data += 0.5; model.decode(z)")
            p.data += 0.5
            changed = not np.allclose(np.asarray(model.decode(z).data), before)
            p.data -= 0.5
            grade.check(changed, hint=HINTS["ae_tied"],
                        expected={"en": "a different decode(z): the decoder reads that matrix",
                                  "ca": "un decode(z) diferent: el descodificador llegeix "
                                        "aquesta matriu"},
                        got={"en": "the same decode(z)", "ca": "el mateix decode(z)"})

    @pytest.mark.parametrize("sizes", RELU_CASES, ids=str)
    def test_relu_between_layers(self, submission, grade, sizes):
        model = build(submission, grade, sizes)
        rng = grading.rng(970 + len(sizes))
        x1, x2 = (rng.normal(size=(40, sizes[0])).astype(np.float32) for _ in range(2))
        z1, z2 = (rng.normal(size=(40, sizes[-1])).astype(np.float32) for _ in range(2))
        # Without a ReLU the encoder is affine, and so is the decoder before its sigmoid:
        # the middle of two inputs then goes to the middle of their results.
        grade.trying(f"model.encode((x1 + x2) / 2) and model.decode((z1 + z2) / 2)"
                     f"  # x1, x2: (40, {sizes[0]}); z1, z2: (40, {sizes[-1]})")
        linear = {"encoder": midpoint_gap(lambda v: model.encode(Tensor(v)).data, x1, x2) < 1e-3,
                  "decoder": midpoint_gap(lambda v: logit(model.decode(Tensor(v)).data), z1, z2)
                  < 1e-3}
        grade.check(not any(linear.values()), hint=HINTS["ae_relu"],
                    expected={"en": "an encoder and a decoder that are not linear",
                              "ca": "un codificador i un descodificador que no siguin lineals"},
                    got={"en": f"a {'linear' if linear['encoder'] else 'nonlinear'} encoder and a "
                               f"{'linear' if linear['decoder'] else 'nonlinear'} decoder (before "
                               f"its sigmoid)",
                         "ca": f"un codificador {'lineal' if linear['encoder'] else 'no lineal'} i "
                               f"un descodificador {'lineal' if linear['decoder'] else 'no lineal'} "
                               f"(abans de la sigmoide)"})

    @pytest.mark.parametrize("sizes", RELU_CASES, ids=str)
    def test_nothing_on_the_code(self, submission, grade, sizes):
        model = build(submission, grade, sizes)
        x = 10 * grading.rng(980 + len(sizes)).normal(size=(40, sizes[0])).astype(np.float32)
        grade.trying(f"model.encode(x)  # x: (40, {sizes[0]}), normal values times 10")
        code = np.asarray(model.encode(Tensor(x)).data)
        # A linear last layer fed inputs this large gives negative values and values beyond ±1;
        # a ReLU gives no negative one, a sigmoid or a tanh nothing beyond ±1.
        grade.check(code.min() < 0 and np.abs(code).max() > 1, hint=HINTS["ae_code_linear"],
                    expected={"en": "a code with negative values and values beyond ±1",
                              "ca": "un codi amb valors negatius i valors més enllà de ±1"},
                    got={"en": f"a code between {code.min():.3g} and {code.max():.3g}",
                         "ca": f"un codi entre {code.min():.3g} i {code.max():.3g}"})

    @pytest.mark.timeout(90)
    @pytest.mark.parametrize("sizes", [[64, 32, 2], [64, 32, 8]], ids=str)
    def test_beats_pca_after_training(self, submission, grade, digits, sizes):
        X_train, X_test = digits
        model = build(submission, grade, sizes)
        k = sizes[-1]
        grade.trying(f"model = make_tied_autoencoder({sizes}); fit(model, nn.MSELoss(), "
                     f"optim.Adam(model.parameters(), lr=3e-3), DataLoader(X_train, X_train, "
                     f"batch_size=32, shuffle=True, seed=0), epochs=20)  # the training digits")
        fit(model, nn.MSELoss(), optim.Adam(model.parameters(), lr=3e-3),
            DataLoader(X_train, X_train, batch_size=32, shuffle=True, seed=0), epochs=20,
            metrics=(), progress=False)
        error = float(np.mean((predict(model, X_test) - X_test) ** 2))
        target = pca_error(X_train, X_test, k)
        grade.check(error < target, hint=HINTS["ae_target"],
                    expected={"en": f"a test reconstruction error below PCA's with {k} "
                                    f"components, {target:.4f}",
                              "ca": f"un error de reconstrucció de prova més petit que el de la "
                                    f"PCA amb {k} components, {target:.4f}"},
                    got={"en": f"{error:.4f}", "ca": f"{error:.4f}"})
