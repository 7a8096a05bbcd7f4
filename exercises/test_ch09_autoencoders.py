"""Graders for chapter 9 (exercises/ch09_autoencoders.py): PCA, noise, reconstruction error,
an autoencoder that beats PCA.

Every expected value is computed here, by another route than the reference solution (PCA from
the eigenvectors of the covariance matrix, not from the SVD). Noise is random, so ``add_noise``
is judged by what any correct version must do: clip to [0, 1], draw independent values of the
right spread from the generator it is given (same seed, same noise), and leave its input alone.
minigrad's mean squared error is switched off while ``reconstruction_error`` is graded. The
autoencoder is trained by the grader itself, the same way for everyone, for a fixed budget.
"""

from __future__ import annotations

import numpy as np
import pytest

import grading
from grading import described, shown
import minigrad
import minigrad.functional
import minigrad.nn as nn
import minigrad.optim as optim
from minigrad import Tensor
from minigrad.data import DataLoader, load_digits, train_test_split
from minigrad.train import fit, predict

HINTS = {
    "pca_pair": {
        "en": "Return a pair (mean, components): the mean of each column, shape (D,), and k "
              "directions, one per row, shape (k, D).",
        "ca": "Retorna una parella (mean, components): la mitjana de cada columna, de forma (D,), "
              "i k direccions, una per fila, de forma (k, D).",
    },
    "pca_mean": {
        "en": "The mean is wrong. It has one number per feature (shape (D,)): over which axis, "
              "the examples or the features, is it averaged?",
        "ca": "La mitjana és incorrecta. Té un nombre per característica (forma (D,)): sobre quin "
              "eix se'n fa la mitjana, el dels exemples o el de les característiques?",
    },
    "pca_untouched": {
        "en": "Do not modify X: `X -= mean` centres the caller's data in place. Write "
              "centred = X - mean, which makes a new array.",
        "ca": "No modifiquis X: `X -= mean` centra les dades de qui et crida. Escriu "
              "centred = X - mean, que crea un array nou.",
    },
    "pca_unit": {
        "en": "Each component must be a direction of length 1, and the components perpendicular "
              "to each other. Reread 'Compressing digits to two numbers with PCA' in chapter 9: "
              "of the SVD's three factors, which one holds directions in the space of the D "
              "features, and are they its rows or its columns?",
        "ca": "Cada component ha de ser una direcció de longitud 1, i els components han de ser "
              "perpendiculars entre ells. Rellegeix «Comprimir els dígits en dos nombres amb la "
              "PCA» al capítol 9: dels tres factors de la SVD, quin conté direccions a l'espai de "
              "les D característiques, i són les seves files o les seves columnes?",
    },
    "pca_directions": {
        "en": "Wrong directions. Where would the first direction point if the data were not "
              "centred: along the spread, or at the mean? And in which order does the SVD give "
              "its singular values, so which k directions are the ones that keep the most?",
        "ca": "Les direccions no són correctes. Cap a on apuntaria la primera direcció si les "
              "dades no estiguessin centrades: seguint la dispersió, o cap a la mitjana? I en "
              "quin ordre dona la SVD els valors singulars? Quines k direccions, doncs, són les "
              "que en conserven més?",
    },
    "noise_shape": {
        "en": "Return a new float array of the same shape as X, and leave X unchanged: the caller "
              "still needs the clean images.",
        "ca": "Retorna un array nou de decimals amb la mateixa forma que X, i deixa X sense "
              "canvis: qui et crida encara necessita les imatges netes.",
    },
    "noise_clip": {
        "en": "Pixels must stay in [0, 1], and Gaussian noise pushes some of them below 0 or "
              "above 1. What value must such a pixel take so that the noisy image is still an "
              "image? How many pixels of a black image should then end at exactly 0?",
        "ca": "Els píxels han de quedar dins de [0, 1], i el soroll gaussià en porta alguns per "
              "sota de 0 o per sobre d'1. Quin valor ha de prendre un píxel així perquè la imatge "
              "sorollosa continuï sent una imatge? Quants píxels d'una imatge negra haurien "
              "d'acabar, doncs, exactament a 0?",
    },
    "noise_rng": {
        "en": "Two generators made with the same seed must give the same noisy images, and "
              "different seeds different ones. Where does your noise come from: the generator you "
              "are given, or np.random?",
        "ca": "Dos generadors creats amb la mateixa llavor han de donar les mateixes imatges "
              "sorolloses, i llavors diferents, imatges diferents. D'on surt el teu soroll: del "
              "generador que reps, o de np.random?",
    },
    "noise_spread": {
        "en": "The noise does not have mean 0 and standard deviation std. Which distribution does "
              "the docstring ask for, and is std its standard deviation or its variance in your "
              "call?",
        "ca": "El soroll no té mitjana 0 i desviació estàndard std. Quina distribució demana el "
              "docstring, i a la teva crida std n'és la desviació estàndard o la variància?",
    },
    "noise_independent": {
        "en": "Every entry needs its own independent noise value: draw an array of the shape of "
              "X, not one number per image or one for everything.",
        "ca": "Cada element necessita el seu propi valor de soroll, independent: genera un "
              "array amb la forma de X, no un nombre per imatge ni un per a tot.",
    },
    "error_shape": {
        "en": "Return one error per example: an array of shape (N,). With images (N, H, W), which "
              "axes hold one example's numbers, and does your mean cover all of them?",
        "ca": "Retorna un error per exemple: un array de forma (N,). Amb imatges (N, H, W), quins "
              "eixos contenen els nombres d'un exemple, i la teva mitjana els cobreix tots?",
    },
    "error_values": {
        "en": "Entry n is the MEAN of the squared differences (X[n] - X_hat[n]) ** 2 over all "
              "the numbers of example n: not their sum, not their square root, and not the "
              "absolute differences.",
        "ca": "L'element n és la MITJANA dels quadrats de les diferències (X[n] - X_hat[n]) ** "
              "2 sobre tots els nombres de l'exemple n: no la seva suma, ni l'arrel quadrada, "
              "ni les diferències en valor absolut.",
    },
    "ae_type": {
        "en": "Return nn.Autoencoder(encoder, decoder), built from minigrad.nn layers (for "
              "example two nn.MLP).",
        "ca": "Retorna nn.Autoencoder(encoder, decoder), fet amb capes de minigrad.nn (per "
              "exemple, dues nn.MLP).",
    },
    "ae_code": {
        "en": "The encoder must squeeze each digit into exactly code_size numbers: its last "
              "layer has code_size outputs, and the decoder's first layer code_size inputs. "
              "Use the code_size you are given.",
        "ca": "L'encoder ha de comprimir cada dígit en exactament code_size nombres: la seva "
              "última capa té code_size sortides, i la primera capa del decoder, code_size "
              "entrades. Fes servir el code_size que reps.",
    },
    "ae_output": {
        "en": "The decoder must give back 64 numbers per digit, the size of the input: "
              "reconstruction = decoder(encoder(input)).",
        "ca": "El decoder ha de retornar 64 nombres per dígit, la mida de l'entrada: "
              "reconstrucció = decoder(encoder(entrada)).",
    },
    "ae_target": {
        "en": "After training, the reconstruction error is not below PCA's. What can an "
              "autoencoder do that PCA, a linear map, cannot, and does your network do it? "
              "Chapter 9 also shows which activations learn fast enough for this budget.",
        "ca": "Després de l'entrenament, l'error de reconstrucció no és més petit que el de la "
              "PCA. Què pot fer un autocodificador que la PCA, una aplicació lineal, no pot, i la "
              "teva xarxa ho fa? El capítol 9 també mostra quines activacions aprenen prou de "
              "pressa per a aquest pressupost.",
    },
    "ae_bottleneck": {
        "en": "Everything the decoder knows about an input must pass through its code: build "
              "nn.Autoencoder(encoder, decoder) from two nn.MLP (or nn.Sequential), with no "
              "state kept between the encoder and the decoder, and a forward that is "
              "decode(encode(x)).",
        "ca": "Tot el que el descodificador sap d'una entrada ha de passar pel codi: construeix "
              "nn.Autoencoder(encoder, decoder) amb dos nn.MLP (o nn.Sequential), sense cap "
              "estat guardat entre el codificador i el descodificador, i amb una passada "
              "endavant que sigui decode(encode(x)).",
    },
}

# --- 9.1 PCA ----------------------------------------------------------------------------------
def expected_pca(X: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The grader's own route: eigenvectors of the covariance matrix, largest eigenvalue first."""
    mean = X.mean(axis=0)
    centred = X - mean
    values, vectors = np.linalg.eigh(centred.T @ centred)
    return mean, vectors[:, ::-1][:, :k].T


def spread_data(rng: np.random.Generator, n: int, d: int) -> np.ndarray:
    """Points with clearly different variances along d random orthogonal directions, off centre."""
    scales = 6.0 * 0.55 ** np.arange(d)
    rotation = np.linalg.qr(rng.normal(size=(d, d)))[0]
    offset = rng.normal(size=d) * rng.choice([0.0, 3.0, 20.0])
    return np.round((rng.normal(size=(n, d)) * scales) @ rotation + offset, 4)


def separated(X: np.ndarray, k: int) -> bool:
    """Whether the first k directions are well defined: the k+1 largest variances all differ.

    Two equal variances (say, two constant pixels) leave every direction between them equally
    right, so such data cannot grade anybody's directions."""
    values = np.linalg.eigvalsh(np.cov(np.asarray(X, dtype=float), rowvar=False))[::-1]
    top = values[:k + 1]
    return bool(np.all(-np.diff(top) > 1e-3 * max(top[0], 1e-12)))


def separated_draw(rng: np.random.Generator, k: int, draw) -> np.ndarray:
    """draw(rng) again until its first k directions are well defined."""
    while not separated(X := draw(rng), k):
        pass
    return X


def check_pca(submission, grade, X, k):
    grade.trying(f"pca({shown(X)}, {k})")
    original = X.copy()
    got = submission.pca(X, k)
    grade.unchanged("X", X, original, hint=HINTS["pca_untouched"])
    grade.check(isinstance(got, (tuple, list)) and len(got) == 2,
                expected={"en": "a pair (mean, components)", "ca": "una parella (mean, components)"},
                got=repr(got), hint=HINTS["pca_pair"])
    mean, components = (np.asarray(part, dtype=float) for part in got)
    exp_mean, exp_components = expected_pca(original.astype(float), k)
    grade.check(mean.shape == exp_mean.shape and np.allclose(mean, exp_mean, rtol=1e-9, atol=1e-9),
                expected=exp_mean, got=got[0], hint=HINTS["pca_mean"])
    grade.check(components.shape == exp_components.shape,
                expected={"en": f"components of shape {exp_components.shape}",
                          "ca": f"components de forma {exp_components.shape}"},
                got=described(got[1]), hint=HINTS["pca_pair"])
    grade.check(np.allclose(components @ components.T, np.eye(k), atol=1e-6),
                expected={"en": "rows of length 1, perpendicular to each other",
                          "ca": "files de longitud 1, perpendiculars entre elles"},
                got=got[1], hint=HINTS["pca_unit"])
    # A direction and its opposite are the same direction: compare up to the sign.
    alignment = np.abs(np.sum(components * exp_components, axis=1))
    grade.check(bool(np.all(alignment > 1 - 1e-6)),
                expected={"en": f"{shown(np.round(exp_components, 6))} (each row or its opposite)",
                          "ca": f"{shown(np.round(exp_components, 6))} (cada fila o la seva oposada)"},
                got=got[1], hint=HINTS["pca_directions"])


PCA_CASES = [  # (seed, n, d, k)
    (1, 40, 2, 1), (2, 40, 2, 2), (3, 60, 5, 3), (4, 30, 8, 8), (5, 6, 8, 3), (6, 200, 3, 1),
]


@pytest.mark.exercise("ch09.pca", points=3)
class TestPca:
    @pytest.mark.parametrize("seed, n, d, k", PCA_CASES, ids=[str(c) for c in PCA_CASES])
    def test_cases(self, submission, grade, seed, n, d, k):
        X = separated_draw(grading.rng(seed), k, lambda rng: spread_data(rng, n, d))
        check_pca(submission, grade, X, k)

    def test_random_data(self, submission, grade):
        rng = grading.rng(909)
        for _ in range(25):
            d = int(rng.integers(2, 9))
            n, k = int(rng.integers(3 * d, 80)), int(rng.integers(1, d + 1))
            check_pca(submission, grade, separated_draw(rng, k, lambda rng: spread_data(rng, n, d)),
                      k)

    def test_integer_pixels(self, submission, grade):
        def pixels(rng):
            base = rng.integers(0, 17, size=(1, 6))
            return np.clip(base + np.round(spread_data(rng, 50, 6)), 0, 16).astype(int)
        check_pca(submission, grade, separated_draw(grading.rng(910), 2, pixels), 2)


# --- 9.2 noise ----------------------------------------------------------------------------------
def call_noise(submission, grade, X, std, seed):
    grade.trying(f"add_noise(X, std={std}, rng=np.random.default_rng({seed}))  # X: {X.shape}, "
                 f"from {X.min():g} to {X.max():g}")
    original = X.copy()
    got = submission.add_noise(X, std, np.random.default_rng(seed))
    grade.unchanged("X", X, original, hint=HINTS["noise_shape"])
    grade.check(isinstance(got, np.ndarray) and got.shape == X.shape,
                expected={"en": f"a new array of shape {X.shape}",
                          "ca": f"un array nou de forma {X.shape}"},
                got=described(got), hint=HINTS["noise_shape"])
    return np.asarray(got, dtype=float)


@pytest.mark.exercise("ch09.add_noise", points=2)
class TestAddNoise:
    def test_values_stay_between_0_and_1(self, submission, grade):
        rng = grading.rng(920)
        for std in (0.1, 0.3, 1.0):
            X = rng.random((50, 64))
            X[:5] = 0.0       # black images: half of their noise must be clipped to exactly 0
            X[5:10] = 1.0     # white images: half clipped to exactly 1
            got = call_noise(submission, grade, X, std, seed=int(std * 10))
            grade.check(bool(np.all((got >= 0) & (got <= 1))), hint=HINTS["noise_clip"],
                        expected={"en": "values between 0 and 1", "ca": "valors entre 0 i 1"},
                        got={"en": f"values from {got.min():.3f} to {got.max():.3f}",
                             "ca": f"valors de {got.min():.3f} a {got.max():.3f}"})
            at_zero = float(np.mean(got[:5] == 0.0))
            grade.check(0.4 < at_zero < 0.6, hint=HINTS["noise_clip"],
                        expected={"en": "about half of the pixels of black images at exactly 0",
                                  "ca": "aproximadament la meitat dels píxels de les imatges "
                                        "negres exactament a 0"},
                        got={"en": f"{at_zero:.0%} of them at 0", "ca": f"un {at_zero:.0%} a 0"})

    def test_same_seed_same_noise(self, submission, grade):
        X = np.full((20, 64), 0.5)
        first = call_noise(submission, grade, X, 0.2, seed=7)
        again = call_noise(submission, grade, X, 0.2, seed=7)
        other = call_noise(submission, grade, X, 0.2, seed=8)
        grade.check(np.array_equal(first, again) and not np.array_equal(first, other),
                    hint=HINTS["noise_rng"],
                    expected={"en": "the same result for seed 7 twice, another for seed 8",
                              "ca": "el mateix resultat dues vegades amb la llavor 7, i un "
                                    "altre amb la 8"},
                    got={"en": f"seed 7 twice: {'equal' if np.array_equal(first, again) else 'different'}; "
                               f"seeds 7 and 8: {'equal' if np.array_equal(first, other) else 'different'}",
                         "ca": f"llavor 7 dues vegades: {'iguals' if np.array_equal(first, again) else 'diferents'}; "
                               f"llavors 7 i 8: {'iguals' if np.array_equal(first, other) else 'diferents'}"})

    @pytest.mark.parametrize("std", [0.02, 0.05, 0.1, 0.15])
    def test_gaussian_noise_of_the_right_spread(self, submission, grade, std):
        X = np.full((400, 64), 0.5)
        noise = call_noise(submission, grade, X, std, seed=int(1000 * std)) - X
        mean, spread = float(noise.mean()), float(noise.std())
        # 25,600 draws: the sample mean is within 0.05·std of 0, the spread within 2%.
        grade.check(abs(mean) < 0.05 * std and abs(spread / std - 1) < 0.03,
                    hint=HINTS["noise_spread"],
                    expected={"en": f"noise of mean 0 and standard deviation {std}",
                              "ca": f"soroll de mitjana 0 i desviació estàndard {std}"},
                    got={"en": f"mean {mean:.4f}, standard deviation {spread:.4f}",
                         "ca": f"mitjana {mean:.4f}, desviació estàndard {spread:.4f}"})
        # Gaussian, not uniform: about 68% of the draws within one standard deviation.
        within = float(np.mean(np.abs(noise) < std))
        grade.check(0.65 < within < 0.71, hint=HINTS["noise_spread"],
                    expected={"en": "about 68% of the noise within one standard deviation",
                              "ca": "aproximadament el 68% del soroll a menys d'una desviació "
                                    "estàndard"},
                    got={"en": f"{within:.1%}", "ca": f"un {within:.1%}"})
        # Independent entries: neighbours (along a row, and along a column) are uncorrelated.
        for a, b in ((noise[:, :-1], noise[:, 1:]), (noise[:-1], noise[1:])):
            r = float(np.corrcoef(a.ravel(), b.ravel())[0, 1])
            grade.check(abs(r) < 0.05, hint=HINTS["noise_independent"],
                        expected={"en": "no correlation between neighbouring entries",
                                  "ca": "cap correlació entre elements veïns"},
                        got={"en": f"correlation {r:.2f}", "ca": f"correlació {r:.2f}"})

    def test_images_of_any_shape_and_no_noise(self, submission, grade):
        X = grading.rng(921).random((6, 8, 8))
        got = call_noise(submission, grade, X, 0.0, seed=3)
        grade.check(np.allclose(got, X, rtol=0, atol=1e-12), expected=X, got=got,
                    hint=HINTS["noise_spread"])
        got = call_noise(submission, grade, X, 0.1, seed=4)
        grade.check(not np.allclose(got, X), hint=HINTS["noise_independent"],
                    expected={"en": "noisy images", "ca": "imatges amb soroll"},
                    got={"en": "the images unchanged", "ca": "les imatges sense canvis"})


# --- 9.2 (continued) the reconstruction error ---------------------------------------------------
def check_error(submission, grade, X, X_hat):
    grade.trying(f"reconstruction_error({shown(X)}, {shown(X_hat)})")
    original, original_hat = X.copy(), X_hat.copy()
    got = submission.reconstruction_error(X, X_hat)
    grade.unchanged("X", X, original, hint=HINTS["error_values"])
    grade.unchanged("X_hat", X_hat, original_hat, hint=HINTS["error_values"])
    expected = np.array([np.mean((a.astype(float) - b) ** 2) for a, b in zip(original, original_hat)])
    grade.array_shape(got, (len(X),), hint=HINTS["error_shape"])
    grade.check(np.allclose(np.asarray(got, dtype=float), expected, rtol=1e-9, atol=1e-12),
                expected=expected, got=got, hint=HINTS["error_values"])


mse_switched_off = grading.switched_off(minigrad.functional.mse_loss, name="mse_switched_off",
                                        autouse=False)


@pytest.mark.exercise("ch09.reconstruction_error", points=2)
@pytest.mark.usefixtures("mse_switched_off")
class TestReconstructionError:
    @pytest.mark.parametrize("shape", [(1, 1), (3, 4), (5, 8, 8), (2, 1, 8, 8), (4, 64), (6, 2, 3)],
                             ids=lambda s: "x".join(map(str, s)))
    def test_shapes(self, submission, grade, shape):
        rng = grading.rng(int(np.prod(shape)))
        X = np.round(rng.random(shape), 3)
        X_hat = np.round(np.clip(X + rng.normal(0, 0.2, shape), 0, 1), 3)
        check_error(submission, grade, X, X_hat)

    def test_random_reconstructions(self, submission, grade):
        rng = grading.rng(930)
        for _ in range(20):
            shape = (int(rng.integers(1, 6)),) + tuple(int(n) for n in rng.integers(1, 5, size=rng.integers(1, 3)))
            X = np.round(rng.normal(size=shape) * 2, 2)
            check_error(submission, grade, X, np.round(X + rng.normal(size=shape), 2))

    def test_perfect_and_integer_images(self, submission, grade):
        X = np.arange(24).reshape(3, 8) % 17
        check_error(submission, grade, X, X.astype(float))
        check_error(submission, grade, X, X + 0.5)


# --- 9.3 an autoencoder that beats PCA ------------------------------------------------------------
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


def build(submission, grade, k):
    grade.trying(f"minigrad.manual_seed(0); model = make_autoencoder({k})")
    minigrad.manual_seed(0)
    model = submission.make_autoencoder(k)
    grade.check(isinstance(model, nn.Autoencoder), hint=HINTS["ae_type"],
                expected={"en": "an nn.Autoencoder(encoder, decoder)",
                          "ca": "un nn.Autoencoder(encoder, decoder)"},
                got={"en": f"{model!r} (a {type(model).__name__})",
                     "ca": f"{model!r} (un {type(model).__name__})"})
    x = Tensor(grading.rng(k).random((5, 64)).astype(np.float32))
    grade.trying(f"model = make_autoencoder({k}); model.encode(x)  # x: (5, 64)")
    code = model.encode(x)
    grade.check(tuple(code.shape) == (5, k), hint=HINTS["ae_code"],
                expected={"en": f"codes of shape (5, {k})", "ca": f"codis de forma (5, {k})"},
                got={"en": f"shape {tuple(code.shape)}", "ca": f"forma {tuple(code.shape)}"})
    grade.trying(f"model = make_autoencoder({k}); model(x)  # x: (5, 64)")
    out = model(x)
    grade.check(tuple(out.shape) == (5, 64), hint=HINTS["ae_output"],
                expected={"en": "reconstructions of shape (5, 64)",
                          "ca": "reconstruccions de forma (5, 64)"},
                got={"en": f"shape {tuple(out.shape)}", "ca": f"forma {tuple(out.shape)}"})
    # The decoder must work from the code alone: decode a code computed earlier, after the
    # encoder has seen other inputs, and get what the whole model gives for that input.
    other = Tensor(grading.rng(k + 100).random((5, 64)).astype(np.float32))
    grade.trying(f"code = model.encode(x).data; model.encode(other); model.decode(Tensor(code))"
                 f"  # x, other: (5, 64)")
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


@pytest.mark.exercise("ch09.make_autoencoder", points=3)
class TestMakeAutoencoder:
    @pytest.mark.parametrize("k", [1, 3, 5, 16])
    def test_shapes(self, submission, grade, k):
        build(submission, grade, k)

    @pytest.mark.timeout(90)
    @pytest.mark.parametrize("k", [2, 8])
    def test_beats_pca_after_training(self, submission, grade, digits, k):
        X_train, X_test = digits
        model = build(submission, grade, k)
        grade.trying(f"model = make_autoencoder({k}); fit(model, nn.MSELoss(), "
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
