"""Graders for chapter 8 (exercises/ch08_convolution.py): convolution, max pooling, edge filters.

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
    "edge_shape": {
        "en": "The response has the wrong shape. How many times does a 2 × 2 filter fit down an H "
              "× W image with stride 1 and no padding, and how many times across?",
        "ca": "La resposta té una forma incorrecta. Quantes vegades hi cap un filtre de 2 × 2 cap "
              "avall d'una imatge H × W amb pas 1 i sense farciment, i quantes de través?",
    },
    "horizontal": {
        "en": "Not the horizontal-edge response. Reread 'Filters for other patterns' in chapter "
              "8: a horizontal edge is a change from top to bottom, so which row of the 2 × 2 "
              "filter is positive and which negative, and how does the strength you are given "
              "scale it? Test yourself: bright above dark must give a positive response, and a "
              "uniform patch 0.",
        "ca": "No és la resposta a vores horitzontals. Rellegeix «Filtres per a altres patrons» "
              "al capítol 8: una vora horitzontal és un canvi de dalt a baix; quina fila del "
              "filtre 2 × 2 és positiva i quina negativa, i com l'escala la intensitat que reps? "
              "Prova-ho: clar sobre fosc ha de donar una resposta positiva, i una zona uniforme, "
              "0.",
    },
    "vertical": {
        "en": "Not the vertical-edge response. A vertical edge is a change from left to right: "
              "which column of the 2 × 2 filter is positive and which negative? Test yourself: "
              "bright on the left of dark must give a positive response, and a uniform patch 0.",
        "ca": "No és la resposta a vores verticals. Una vora vertical és un canvi d'esquerra a "
              "dreta: quina columna del filtre 2 × 2 és positiva i quina negativa? Prova-ho: clar "
              "a l'esquerra de fosc ha de donar una resposta positiva, i una zona uniforme, 0.",
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


# --- 8.3 the edge filter's response -----------------------------------------------------------
def expected_edges(image: np.ndarray, direction: str, strength: float) -> np.ndarray:
    kernel = strength * (EDGE / 1.5 if direction == "horizontal" else (EDGE / 1.5).T)
    return np.einsum("ijpq,pq->ij", sliding_window_view(np.asarray(image, float), (2, 2)), kernel)


def check_edges(submission, grade, image, direction, strength, call=None):
    grade.trying(call or f"edge_response({shown(image)}, direction={direction!r}, "
                         f"strength={strength})")
    original = image.copy()
    got = (submission.edge_response(image) if call
           else submission.edge_response(image, direction, strength))
    expected = expected_edges(original, direction, strength)
    check_array_result(grade, image, original, got, expected, "edge_shape", direction)


SEEDS_PATCHES = [  # the chapter's worked examples: uniform, black, an edge, and its reverse
    np.full((2, 2), 200), np.zeros((2, 2), dtype=int), np.array([[200, 200], [0, 0]]),
    np.array([[0, 0], [200, 200]]), np.array([[200, 0], [200, 0]]), np.array([[0, 200], [0, 200]]),
    np.array([[200, 200, 200], [200, 200, 200], [0, 0, 0], [0, 0, 0]]),   # a longer edge
]


@pytest.mark.exercise("ch08.edge_response", points=2)
class TestEdgeResponse:
    @pytest.mark.parametrize("direction", ["horizontal", "vertical"])
    @pytest.mark.parametrize("patch", SEEDS_PATCHES, ids=range(len(SEEDS_PATCHES)))
    def test_the_seeds_patches(self, submission, grade, patch, direction):
        check_edges(submission, grade, patch, direction, 1.5)

    @pytest.mark.parametrize("direction", ["horizontal", "vertical"])
    def test_the_grayscale_patch(self, submission, grade, direction):
        check_edges(submission, grade, PATCH, direction, 1.5)

    def test_defaults_are_horizontal_and_strength_1_5(self, submission, grade):
        image = PATCH[3:9, 2:7]
        check_edges(submission, grade, image, "horizontal", 1.5,
                    call=f"edge_response({shown(image)})")

    def test_random_images_and_strengths(self, submission, grade):
        rng = grading.rng(8083)
        for _ in range(30):
            h, w = (int(n) for n in rng.integers(2, 9, size=2))
            image = rng.integers(0, 256, size=(h, w)) if rng.random() < 0.5 else \
                np.round(rng.random((h, w)), 3)
            direction = str(rng.choice(["horizontal", "vertical"]))
            strength = float(rng.choice([1.5, 1.0, 0.25, 2.0, -1.0, round(rng.uniform(0.1, 3), 2)]))
            check_edges(submission, grade, image, direction, strength)
