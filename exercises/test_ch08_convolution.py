"""Graders for chapter 8 (exercises/ch08_convolution.py): convolution, a filter that moves an
image, max pooling and what commutes with it, receptive field.

The learner's functions take and return numpy arrays, and the grader computes every expected
value itself, in a different way from the reference solution (numpy's sliding windows instead
of loops). minigrad already convolves and pools (``F.conv2d``, ``F.max_pool2d``,
``nn.Conv2d``, ...): an autouse fixture switches them off before the learner's module is
loaded, so calling them cannot pass. Inputs are drawn anew each run, many of them, plus
edge cases, so an answer written for a few inputs cannot pass either.
"""

from __future__ import annotations

import numpy as np
import pytest
from numpy.lib.stride_tricks import sliding_window_view

import grading
from grading import shown
import minigrad.functional

HINTS = {
    "shape": {
        "en": "The output has one value per position of the kernel on the padded image. Reread "
              "'Stride and padding' in chapter 8: how many times does a kH × kW kernel fit down a "
              "padded image, stepping by `stride`, and how many across? Pad first, then count.",
        "ca": "La sortida té un valor per cada posició del filtre sobre la imatge farcida. "
              "Rellegeix «El pas i el farciment» al capítol 8: quantes vegades hi cap un filtre "
              "de kH × kW cap avall d'una imatge farcida, avançant de `stride` en `stride`, i "
              "quantes de través? Primer farceix i després compta.",
    },
    "conv_values": {
        "en": "The shape is right but not the numbers. Reread 'The convolution by hand' in "
              "chapter 8 and do one output by hand: which window of the padded image does out[i, "
              "j] read (mind the stride), which kernel entry multiplies each pixel (the kernel is "
              "not flipped), and what is done with the products?",
        "ca": "La forma és correcta, però els nombres no. Rellegeix «La convolució a mà» al "
              "capítol 8 i calcula una sortida a mà: quina finestra de la imatge farcida llegeix "
              "out[i, j] (compte amb el pas), quin element del filtre multiplica cada píxel (el "
              "filtre no es gira), i què es fa amb els productes?",
    },
    "floats": {
        "en": "The image holds whole numbers but the kernel does not: create the output as "
              "floats, np.zeros((Ho, Wo)), not np.zeros_like(image), which would cut 300.5 "
              "down to 300.",
        "ca": "La imatge conté enters però el filtre no: crea la sortida amb decimals, "
              "np.zeros((Ho, Wo)), no amb np.zeros_like(image), que retallaria 300.5 a 300.",
    },
    "untouched": {
        "en": "Do not modify the array you receive: np.pad returns a new padded array, and the "
              "output should be a new array too.",
        "ca": "No modifiquis l'array que reps: np.pad en retorna un de nou, farcit, i la "
              "sortida també ha de ser un array nou.",
    },
    "pool_shape": {
        "en": "The output's shape is wrong. Only whole windows count: how many times does a size "
              "× size window fit down the image, stepping by `stride`, and how many across? And "
              "what stride does stride=None mean?",
        "ca": "La forma de la sortida és incorrecta. Només compten les finestres senceres: "
              "quantes vegades hi cap una finestra de size × size cap avall de la imatge, "
              "avançant de `stride` en `stride`, i quantes de través? I quin pas vol dir "
              "stride=None?",
    },
    "pool_values": {
        "en": "The shape is right but not the numbers. Reread 'Pooling' in chapter 8: which "
              "pixels are in window (i, j) (mind the stride), and which one number of that window "
              "is kept? A feature map may be negative everywhere: does your code still work then?",
        "ca": "La forma és correcta, però els nombres no. Rellegeix «L'agrupació (*pooling*)» al "
              "capítol 8: quins píxels són a la finestra (i, j) (compte amb el pas), i quin "
              "nombre d'aquesta finestra es conserva? Un mapa de característiques pot ser negatiu "
              "pertot arreu: el teu codi encara funciona, aleshores?",
    },
    "shift_kernel": {
        "en": "Return the filter as a numpy array of shape (3, 3), of numbers.",
        "ca": "Retorna el filtre com a array de numpy de forma (3, 3), de nombres.",
    },
    "shift_direction": {
        "en": "The map is not the image moved one pixel to the right. With padding 1, out[i, j] "
              "is the weighted sum of the 3 × 3 window centred on pixel (i, j) of the image. Which "
              "pixel of the image must out[i, j] be after the move, and which entry of the filter "
              "multiplies that pixel (the filter is not flipped)?",
        "ca": "El mapa no és la imatge desplaçada un píxel cap a la dreta. Amb farciment 1, "
              "out[i, j] és la suma ponderada de la finestra de 3 × 3 centrada en el píxel (i, j) "
              "de la imatge. Quin píxel de la imatge ha de ser out[i, j] després del desplaçament, "
              "i quin element del filtre multiplica aquest píxel (el filtre no es gira)?",
    },
    "commutes_type": {
        "en": "Return a dict with the four keys 'relu', 'negative', 'square' and "
              "'double_plus_one', each with True or False.",
        "ca": "Retorna un diccionari amb les quatre claus 'relu', 'negative', 'square' i "
              "'double_plus_one', cadascuna amb True o False.",
    },
    "commutes_false": {
        "en": "They are not always equal: look at the map the grader tried, pixel by pixel. Which "
              "pixel is the largest before f, and which one after it?",
        "ca": "No sempre són iguals: mira el mapa que ha provat el corrector, píxel a píxel. Quin "
              "píxel és el més gran abans d'aplicar f, i quin ho és després?",
    },
    "commutes_true": {
        "en": "The grader found no map where they differ, over many random maps, windows and "
              "strides. What does f do to the order of the pixels of a window: does the largest "
              "stay the largest?",
        "ca": "El corrector no ha trobat cap mapa en què siguin diferents, entre molts mapes, "
              "finestres i passos a l'atzar. Què fa f a l'ordre dels píxels d'una finestra: el "
              "més gran continua sent el més gran?",
    },
    "rf_type": {
        "en": "Return the side of the patch as one whole number (an int), not a tuple, a list or "
              "an array.",
        "ca": "Retorna el costat de la zona com un sol nombre enter (un int), no com una tupla, "
              "una llista o un array.",
    },
    "rf_stride_one": {
        "en": "With stride 1 everywhere the patch is wrong. Work out by hand what one value of a "
              "3 × 3 convolution sees, then one value of a second 3 × 3 convolution on top of it: "
              "how many pixels does each filter add to the side? Does the padding change which "
              "pixels a value far from the border sees?",
        "ca": "Amb pas 1 a tot arreu, la zona és incorrecta. Calcula a mà què veu un valor d'una "
              "convolució de 3 × 3, i després un valor d'una segona convolució de 3 × 3 a sobre: "
              "quants píxels afegeix cada filtre al costat? El farciment canvia quins píxels veu "
              "un valor lluny de la vora?",
    },
    "rf_strides": {
        "en": "The layers with a stride above 1 are where it goes wrong. After a layer with stride "
              "2, two neighbouring values of its output are two input pixels apart, not one: what "
              "does that do to the reach of every filter that comes after it? The order of the "
              "layers matters.",
        "ca": "L'error és a les capes amb un pas més gran que 1. Després d'una capa de pas 2, dos "
              "valors veïns de la sortida són a dos píxels de distància a l'entrada, no a un: què "
              "fa això a l'abast de cada filtre que ve després? L'ordre de les capes importa.",
    },
    "rf_untouched": {
        "en": "Do not modify the list of layers you receive: read it, and keep your counts in "
              "variables of your own.",
        "ca": "No modifiquis la llista de capes que reps: llegeix-la i guarda els teus comptes en "
              "variables pròpies.",
    },
}

# The grayscale patch of the chapter: 16 rows, 12 columns.
PATCH = np.array([
    [157, 153, 174, 168, 150, 152, 129, 151, 172, 161, 155, 166],
    [156, 182, 163, 74, 76, 62, 33, 17, 110, 210, 180, 164],
    [180, 180, 50, 14, 94, 6, 10, 93, 49, 105, 159, 181],
    [206, 169, 5, 124, 131, 111, 120, 204, 166, 15, 56, 180],
    [194, 68, 137, 251, 237, 239, 239, 238, 227, 87, 71, 201],
    [172, 106, 207, 233, 233, 214, 220, 239, 239, 98, 74, 206],
    [188, 88, 179, 209, 185, 215, 211, 198, 139, 75, 29, 169],
    [189, 97, 165, 84, 10, 168, 134, 11, 31, 62, 22, 148],
    [199, 168, 191, 163, 158, 227, 178, 143, 182, 106, 36, 190],
    [206, 174, 155, 252, 236, 231, 149, 178, 228, 49, 95, 234],
    [190, 216, 116, 149, 236, 187, 85, 150, 79, 38, 218, 241],
    [190, 224, 147, 108, 227, 210, 127, 102, 36, 101, 255, 224],
    [190, 214, 173, 66, 103, 143, 95, 50, 2, 109, 249, 215],
    [187, 196, 235, 75, 1, 81, 47, 0, 6, 217, 254, 211],
    [183, 202, 237, 145, 0, 0, 12, 108, 200, 138, 243, 236],
    [196, 206, 123, 207, 177, 121, 123, 200, 179, 13, 96, 218],
])
EDGE = np.array([[1.5, 1.5], [-1.5, -1.5]])  # the seeds' horizontal-edge filter


# nn.Conv2d and nn.MaxPool2d call these functions too, so they are switched off with them.
library_switched_off = grading.switched_off(
    minigrad.functional.conv2d, minigrad.functional.max_pool2d, minigrad.functional.avg_pool2d)


# --- 8.1 the convolution ----------------------------------------------------------------------
def check_array_result(grade, image, original, got, expected, shape_hint, values_hint,
                       rtol=1e-9, atol=1e-9):
    """The three checks every exercise here shares: input untouched, output shape, output values."""
    grade.unchanged("image", image, original, hint=HINTS["untouched"])
    grade.array_shape(got, expected.shape, hint=HINTS[shape_hint])
    grade.check(np.allclose(np.asarray(got, dtype=float), expected, rtol=rtol, atol=atol),
                expected=expected, got=got, hint=HINTS[values_hint])


def expected_conv(image: np.ndarray, kernel: np.ndarray, stride: int, padding: int) -> np.ndarray:
    """The grader's own: every window at once with sliding_window_view, then one einsum."""
    x = np.pad(np.asarray(image, dtype=float), padding)
    windows = sliding_window_view(x, kernel.shape)[::stride, ::stride]
    return np.einsum("ijpq,pq->ij", windows, kernel)


def check_conv(submission, grade, image, kernel, stride, padding, values_hint="conv_values"):
    grade.trying(f"conv2d_loops({shown(image)}, {shown(kernel)}, stride={stride}, "
                 f"padding={padding})")
    original = image.copy()
    got = submission.conv2d_loops(image, kernel, stride, padding)
    expected = expected_conv(original, kernel, stride, padding)
    check_array_result(grade, image, original, got, expected, "shape", values_hint)


def random_conv_case(rng: np.random.Generator) -> tuple:
    kh, kw = (int(k) for k in rng.integers(1, 5, size=2))
    padding, stride = int(rng.integers(0, 3)), int(rng.integers(1, 4))
    h = int(rng.integers(max(1, kh - 2 * padding), 10))
    w = int(rng.integers(max(1, kw - 2 * padding), 10))
    image = np.round(rng.normal(size=(h, w)) * 3, 2)
    kernel = np.round(rng.normal(size=(kh, kw)), 2)
    return image, kernel, stride, padding


CONV_EDGE_CASES = [  # (image, kernel, stride, padding)
    (np.arange(9.0).reshape(3, 3), np.array([[1.0, 2.0], [3.0, 4.0]]), 1, 0),
    (np.arange(12.0).reshape(3, 4), np.array([[0.0, 1.0], [-1.0, 0.0]]), 1, 0),  # not square
    (np.arange(16.0).reshape(4, 4), np.arange(16.0).reshape(4, 4), 1, 0),        # one position
    (np.arange(6.0).reshape(2, 3), np.array([[2.5]]), 1, 0),                      # 1 × 1 kernel
    (np.arange(25.0).reshape(5, 5), np.ones((2, 2)), 3, 0),                       # stride > kernel
    (np.arange(4.0).reshape(2, 2) + 1, np.arange(9.0).reshape(3, 3), 1, 1),      # kernel > image
    (np.ones((3, 3)), np.ones((3, 3)), 1, 2),                                     # wide padding
    (np.arange(35.0).reshape(5, 7) % 4, np.array([[1.0, 0.0, -1.0]]), 2, 1),      # row kernel
    (np.array([[7.0]]), np.array([[3.0]]), 1, 0),                                 # 1 × 1 image
]


@pytest.mark.exercise("ch08.conv2d_loops", points=3)
class TestConv2dLoops:
    @pytest.mark.parametrize("image, kernel, stride, padding", CONV_EDGE_CASES,
                             ids=range(len(CONV_EDGE_CASES)))
    def test_edge_cases(self, submission, grade, image, kernel, stride, padding):
        check_conv(submission, grade, image, kernel, stride, padding)

    def test_random_images_kernels_strides_and_padding(self, submission, grade):
        rng = grading.rng(808)
        for _ in range(40):
            check_conv(submission, grade, *random_conv_case(rng))

    def test_integer_image_gives_float_map(self, submission, grade):
        # The seeds' patch holds integers; the edge filter's 1.5 makes halves appear.
        check_conv(submission, grade, PATCH[:6, :6], np.array([[1.5, 0.5], [-1.5, 0.25]]), 1, 0,
                   values_hint="floats")

    def test_defaults_are_stride_1_and_no_padding(self, submission, grade):
        image, kernel = PATCH[:5, :5].astype(float), EDGE
        grade.trying(f"conv2d_loops({shown(image)}, {shown(kernel)})")
        got = submission.conv2d_loops(image, kernel)
        expected = expected_conv(image, kernel, 1, 0)
        grade.check(isinstance(got, np.ndarray) and got.shape == expected.shape
                    and np.allclose(got, expected), expected=expected, got=got,
                    hint=HINTS["shape"])


# --- 8.1, second part: a filter that moves an image -------------------------------------------
def moved_right(image: np.ndarray) -> np.ndarray:
    out = np.zeros(image.shape)
    out[:, 1:] = image[:, :-1]
    return out


def where_it_moves(kernel: np.ndarray) -> dict[str, str]:
    """What the grader's convolution with ``kernel`` does to an image, in words."""
    image = grading.rng(8181).normal(size=(6, 7))
    got = expected_conv(image, kernel, 1, 1)
    moves = {("right", "a la dreta"): moved_right(image),
             ("left", "a l'esquerra"): moved_right(image[:, ::-1])[:, ::-1],
             ("down", "avall"): moved_right(image.T).T,
             ("up", "amunt"): moved_right(image.T[:, ::-1])[:, ::-1].T}
    for (en, ca), moved in moves.items():
        if np.allclose(got, moved):
            return {"en": f"the image moved one pixel {en}",
                    "ca": f"la imatge desplaçada un píxel {ca}"}
    if np.allclose(got, image):
        return {"en": "the image, unmoved", "ca": "la imatge, sense desplaçar"}
    return {"en": "a map that is no move of the image", "ca": "un mapa que no és cap desplaçament "
            "de la imatge"}


@pytest.mark.exercise("ch08.shift_right_kernel", points=1)
class TestShiftRightKernel:
    def test_moves_images_one_pixel_right(self, submission, grade):
        grade.trying("shift_right_kernel()")
        got = submission.shift_right_kernel()
        grade.check(isinstance(got, np.ndarray) and got.shape == (3, 3)
                    and np.issubdtype(got.dtype, np.number) and bool(np.all(np.isfinite(got))),
                    expected="np.ndarray (3, 3)",
                    got=got if isinstance(got, np.ndarray) else repr(got), hint=HINTS["shift_kernel"])
        kernel = np.asarray(got, dtype=float)
        rng = grading.rng(8181)
        for _ in range(10):
            image = np.round(rng.normal(size=tuple(int(n) for n in rng.integers(2, 9, size=2))), 2)
            grade.trying(f"conv2d({shown(image)}, shift_right_kernel(), stride=1, padding=1)")
            grade.check(np.allclose(expected_conv(image, kernel, 1, 1), moved_right(image)),
                        expected={"en": "the image moved one pixel right",
                                  "ca": "la imatge desplaçada un píxel a la dreta"},
                        got=where_it_moves(kernel), hint=HINTS["shift_direction"])


# --- 8.2 max pooling --------------------------------------------------------------------------
def expected_pool(image: np.ndarray, size: int, stride: int | None) -> np.ndarray:
    stride = size if stride is None else stride
    return sliding_window_view(image, (size, size))[::stride, ::stride].max(axis=(-2, -1))


def check_pool(submission, grade, image, size, stride):
    call = f"max_pool({shown(image)}, size={size}" + (f", stride={stride})" if stride else ")")
    grade.trying(call)
    original = image.copy()
    got = submission.max_pool(image, size, stride) if stride else submission.max_pool(image, size)
    expected = expected_pool(original, size, stride)
    check_array_result(grade, image, original, got, expected, "pool_shape", "pool_values",
                       rtol=0, atol=1e-12)


POOL_EDGE_CASES = [  # (image, size, stride)
    (np.array([[1.0, 3.0, 2.0, 0.0], [4.0, 2.0, 1.0, 5.0], [0.0, 1.0, 9.0, 8.0],
               [2.0, 6.0, 7.0, 3.0]]), 2, None),                                  # the textbook 4 × 4
    (-np.arange(1.0, 17.0).reshape(4, 4), 2, None),                               # all negative
    (np.arange(25.0).reshape(5, 5)[::-1], 2, None),                               # odd size: drop
    (np.arange(20.0).reshape(4, 5) % 7, 3, 1),                                    # overlapping
    (np.arange(12.0).reshape(3, 4), 3, None),                                     # one window
    (np.array([[-2.0, -7.0], [-3.0, -1.0]]), 1, None),                            # 1 × 1: a copy
    (np.arange(36.0).reshape(6, 6) % 5 - 2, 2, 3),                                # gaps
    (np.arange(30).reshape(5, 6) % 11, 2, 1),                                     # integers
]


@pytest.mark.exercise("ch08.max_pool", points=2)
class TestMaxPool:
    @pytest.mark.parametrize("image, size, stride", POOL_EDGE_CASES, ids=range(len(POOL_EDGE_CASES)))
    def test_edge_cases(self, submission, grade, image, size, stride):
        check_pool(submission, grade, image, size, stride)

    def test_random_feature_maps(self, submission, grade):
        rng = grading.rng(8082)
        for _ in range(40):
            size = int(rng.integers(1, 4))
            stride = None if rng.random() < 0.4 else int(rng.integers(1, 4))
            h, w = (int(n) for n in rng.integers(size, 10, size=2))
            image = np.round(rng.normal(size=(h, w)) * 2 + rng.choice([0.0, -5.0]), 2)
            check_pool(submission, grade, image, size, stride)


# --- 8.2, second part: what commutes with max pooling ------------------------------------------
POINTWISE = {"relu": lambda x: np.maximum(x, 0.0), "negative": lambda x: -x,
             "square": lambda x: x * x, "double_plus_one": lambda x: 2.0 * x + 1.0}


def counterexample(f) -> tuple | None:
    """A map, window size and stride where max_pool(f(x)) and f(max_pool(x)) differ, if any."""
    rng = grading.rng(8282)
    cases = [(np.array([[-3.0, 1.0], [0.0, -2.0]]), 2, None)]
    for _ in range(300):
        size = int(rng.integers(1, 4))
        h, w = (int(n) for n in rng.integers(size, 8, size=2))
        cases.append((np.round(rng.normal(size=(h, w)) * 3, 1), size, int(rng.integers(1, 4))))
    for x, size, stride in cases:
        if not np.allclose(expected_pool(f(x), size, stride), f(expected_pool(x, size, stride))):
            return x, size, stride
    return None


@pytest.mark.exercise("ch08.commutes_with_max_pool", points=1)
class TestCommutesWithMaxPool:
    def test_each_function(self, submission, grade):
        grade.trying("commutes_with_max_pool()")
        got = submission.commutes_with_max_pool()
        grade.check(isinstance(got, dict) and sorted(got) == sorted(POINTWISE)
                    and all(isinstance(v, (bool, np.bool_)) for v in got.values()),
                    expected="{" + ", ".join(f"{k!r}: bool" for k in POINTWISE) + "}",
                    got=repr(got), hint=HINTS["commutes_type"])
        for name, f in POINTWISE.items():
            found = counterexample(f)
            if found is None:
                grade.trying(f"commutes_with_max_pool()[{name!r}]")
                grade.check(bool(got[name]), expected=True, got=got[name],
                            hint=HINTS["commutes_true"])
            else:
                x, size, stride = found
                grade.trying(f"commutes_with_max_pool()[{name!r}], with x = {shown(x)}, "
                             f"size={size}, stride={stride}: max_pool(f(x)) = "
                             f"{shown(expected_pool(f(x), size, stride))}, f(max_pool(x)) = "
                             f"{shown(f(expected_pool(x, size, stride)))}")
                grade.check(not bool(got[name]), expected=False, got=got[name],
                            hint=HINTS["commutes_false"])


# --- 8.3 the receptive field ------------------------------------------------------------------
def expected_field(layers) -> int:
    """The grader's own, in the other direction: the interval of input positions (of the padded
    coordinates, so that no border is reached) that output position 0 depends on, layer by layer
    from the output back to the input; output position i of a layer reads its input positions
    i·s − p to i·s − p + k − 1."""
    low = high = 0
    for layer in reversed(layers):
        k, s = layer[1], layer[2]
        p = layer[3] if layer[0] == "conv" else 0
        low, high = low * s - p, high * s - p + k - 1
    return high - low + 1


CHAPTER_NETWORK = [("conv", 3, 1, 1), ("conv", 3, 1, 1), ("pool", 2, 2)]   # the cnn() of the chapter
FIELD_CASES = [  # (layers, what they check)
    ([], "no layer"),
    ([("conv", 3, 1, 1)], "one filter"),
    ([("conv", 1, 1, 0)], "a 1 × 1 filter"),
    ([("conv", 3, 1, 1), ("conv", 3, 1, 1)], "conv 2 of the chapter"),
    (CHAPTER_NETWORK, "the chapter's network, the 6 × 6 of its section"),
    ([("conv", 3, 1, 0), ("conv", 3, 1, 2)], "padding does not change the size"),
    ([("pool", 3, 1)], "overlapping pooling"),
    ([("conv", 3, 1, 1), ("pool", 2, 2)], "pooling last"),
    ([("pool", 2, 2), ("conv", 3, 1, 1)], "pooling first: the order matters"),
    ([("conv", 3, 2, 1)] * 3, "three strided filters"),
    ([("conv", 7, 2, 3), ("pool", 3, 2), ("conv", 3, 1, 1), ("conv", 3, 1, 1)], "a ResNet stem"),
    ([("conv", 11, 4, 0), ("pool", 3, 2), ("conv", 5, 1, 2), ("pool", 3, 2), ("conv", 3, 1, 1),
      ("conv", 3, 1, 1), ("conv", 3, 1, 1), ("pool", 3, 2)], "AlexNet's layers"),
]


def check_field(submission, grade, layers):
    grade.trying(f"receptive_field({layers!r})")
    original = [tuple(layer) for layer in layers]
    got = submission.receptive_field(layers)
    expected = expected_field(original)
    now = [tuple(layer) for layer in layers]
    grade.check(now == original, hint=HINTS["rf_untouched"],
                expected={"en": "layers unchanged", "ca": "layers sense canvis"},
                got={"en": f"layers changed to {now!r}", "ca": f"layers ha canviat a {now!r}"})
    grade.check(isinstance(got, (int, np.integer)) and not isinstance(got, bool),
                expected=expected, got=got, hint=HINTS["rf_type"])
    strided = any(layer[2] > 1 for layer in original)
    grade.check(got == expected, expected=expected, got=got,
                hint=HINTS["rf_strides" if strided else "rf_stride_one"])


def random_layers(rng: np.random.Generator) -> list[tuple]:
    layers = []
    for _ in range(int(rng.integers(1, 7))):
        k, s = int(rng.integers(1, 6)), int(rng.choice([1, 1, 2, 3]))
        if rng.random() < 0.6:
            layers.append(("conv", k, s, int(rng.integers(0, k // 2 + 2))))
        else:
            layers.append(("pool", max(k, 2), s))
    return layers


@pytest.mark.exercise("ch08.receptive_field", points=2)
class TestReceptiveField:
    @pytest.mark.parametrize("layers, what", FIELD_CASES, ids=[w for _, w in FIELD_CASES])
    def test_known_networks(self, submission, grade, layers, what):
        check_field(submission, grade, list(layers))

    def test_random_networks(self, submission, grade):
        rng = grading.rng(8083)
        for _ in range(40):
            check_field(submission, grade, random_layers(rng))
