"""Graders for chapter 8, part 2 (exercises/ch08_engine.py): the backward of conv2d and of
max pooling.

The grader's oracles are its own: the gradients accumulated position by position with loops
(the definition, slow but plain), and central differences in float64 of its own loop-based
forward passes. Shapes, strides (overlapping windows, and gaps between them), paddings and
kernel sizes are drawn at random; pooling also gets ties. minigrad's backpropagation is
switched off by an autouse fixture.
"""

from __future__ import annotations

import numpy as np
import pytest

from _engine_checks import (check_close, check_untouched, numerical_gradients, shown,
                            switch_off_minigrad, words)

HINTS = {
    "untouched": words(
        "Do not modify the arrays you receive: np.pad returns a new array, and the gradients "
        "should be new arrays too.",
        "No modifiquis els arrays que reps: np.pad en retorna un de nou, i els gradients també "
        "han de ser arrays nous."),
    "triple": words(
        "Return three arrays, (dx, dweight, dbias), of the shapes of x (N, C, H, W), weight (O, "
        "C, kH, kW) and the bias (O,). The padding is not part of the input: dx must not keep it.",
        "Retorna tres arrays, (dx, dweight, dbias), de les formes de x (N, C, H, W), de weight "
        "(O, C, kH, kW) i del biaix (O,). El farciment no forma part de l'entrada: dx no l'ha de "
        "conservar."),
    "dbias": words(
        "dbias is wrong. Where in the forward pass was bias[o] added: to one image, or to every "
        "position of every image? Each place it was added to sends back its gradient.",
        "dbias és incorrecte. On s'ha sumat bias[o] a la passada endavant: a una sola imatge, o a "
        "cada posició de cada imatge? Cada lloc on s'ha sumat hi torna el seu gradient."),
    "dweight": words(
        "dweight is wrong (dbias is right). Reread 'How minigrad convolves: im2col' in chapter 8: "
        "the forward pass is a matrix product of the filters and the columns, so what is the "
        "gradient of its left factor? Are the windows those of the PADDED input, the same as in "
        "the forward pass, and are all the images counted?",
        "dweight és incorrecte (dbias és correcte). Rellegeix «Com fa minigrad una convolució: "
        "im2col» al capítol 8: la passada endavant és un producte de matrius dels filtres per les "
        "columnes; quin és, doncs, el gradient del factor de l'esquerra? Les finestres són les de "
        "l'entrada FARCIDA, les mateixes que a la passada endavant, i hi compten totes les "
        "imatges?"),
    "dx": words(
        "dx is wrong (dweight and dbias are right). Reread col2im in 'How minigrad convolves: "
        "im2col' in chapter 8: each copy of an input pixel in the columns receives its own "
        "gradient; what must happen where windows overlap (a stride smaller than the kernel)? Do "
        "you step by the stride, keep the kernel unflipped, and cut the padding off at the end?",
        "dx és incorrecte (dweight i dbias són correctes). Rellegeix col2im a «Com fa minigrad "
        "una convolució: im2col» al capítol 8: cada còpia d'un píxel d'entrada a les columnes rep "
        "el seu propi gradient; què ha de passar on les finestres se superposen (un pas més petit "
        "que el filtre)? Avances segons el pas, mantens el filtre sense girar i treus el "
        "farciment al final?"),
    "pool_shape": words(
        "dx has the shape of x (N, C, H, W): zeros everywhere except where a window's maximum "
        "was.",
        "dx té la forma de x (N, C, H, W): zeros pertot arreu excepte on hi havia el màxim "
        "d'una finestra."),
    "pool_values": words(
        "dx is wrong. Only one entry of each window reached the output: which one, and which one "
        "when several tie (PyTorch takes the first in row-major order; not all of them, and not a "
        "share each)? Do your windows start every `stride` pixels (None means kernel_size)? And "
        "what does an entry that wins several overlapping windows receive?",
        "dx és incorrecte. Només un element de cada finestra ha arribat a la sortida: quin, i "
        "quin quan n'hi ha diversos d'iguals (PyTorch pren el primer per files; no tots, ni una "
        "part cadascun)? Les teves finestres comencen cada `stride` píxels (None vol dir "
        "kernel_size)? I què rep un element que guanya diverses finestres superposades?"),
}


@pytest.fixture(autouse=True)
def library_switched_off(monkeypatch):
    switch_off_minigrad(monkeypatch)  # before the learner's module loads: autouse runs first


# --- 8.4 conv2d_backward ------------------------------------------------------------------
def padded(x, padding):
    return np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))


def loop_conv2d(x, weight, bias, stride, padding):
    """out[n, o, i, j] by its definition, one position and one kernel entry at a time."""
    xpad = padded(x, padding)
    o, _, kh, kw = weight.shape
    ho, wo = (xpad.shape[2] - kh) // stride + 1, (xpad.shape[3] - kw) // stride + 1
    out = np.zeros((x.shape[0], o, ho, wo)) + bias[:, None, None]
    for i in range(ho):
        for j in range(wo):
            for p in range(kh):
                for q in range(kw):
                    out[:, :, i, j] += xpad[:, :, i * stride + p, j * stride + q] @ weight[:, :, p, q].T
    return out


def loop_conv2d_backward(x, weight, grad, stride, padding):
    """Every output position hands its gradient to the bias, the weights and the inputs it read."""
    xpad = padded(x, padding)
    dxpad, dweight = np.zeros(xpad.shape), np.zeros(weight.shape)
    _, _, kh, kw = weight.shape
    for i in range(grad.shape[2]):
        for j in range(grad.shape[3]):
            g = grad[:, :, i, j]                                     # (N, O)
            for p in range(kh):
                for q in range(kw):
                    dweight[:, :, p, q] += g.T @ xpad[:, :, i * stride + p, j * stride + q]
                    dxpad[:, :, i * stride + p, j * stride + q] += g @ weight[:, :, p, q]
    h, w = x.shape[2:]
    return dxpad[:, :, padding:padding + h, padding:padding + w], dweight, grad.sum(axis=(0, 2, 3))


def conv_case(rng):
    n, c, o = (int(v) for v in rng.integers(1, 4, size=3))
    kh, kw = (int(v) for v in rng.integers(1, 4, size=2))
    stride, padding = int(rng.integers(1, 4)), int(rng.integers(0, 3))
    h = int(rng.integers(max(1, kh - 2 * padding), 8))
    w = int(rng.integers(max(1, kw - 2 * padding), 8))
    return (np.round(rng.normal(size=(n, c, h, w)), 2), np.round(rng.normal(size=(o, c, kh, kw)), 2),
            stride, padding)


CONV_CASES = [  # (x shape, weight shape, stride, padding)
    ((1, 1, 4, 4), (1, 1, 3, 3), 1, 0),      # overlapping windows
    ((1, 1, 4, 4), (1, 1, 3, 3), 1, 1),      # padding kept the size
    ((2, 1, 5, 5), (1, 1, 2, 2), 2, 0),      # side by side, two images
    ((1, 2, 7, 7), (3, 2, 2, 2), 3, 0),      # gaps: some inputs are never read
    ((2, 3, 6, 5), (4, 3, 3, 2), 2, 1),
    ((1, 1, 3, 3), (1, 1, 1, 1), 1, 2),      # a 1 x 1 kernel that reads mostly padding
    ((3, 2, 5, 6), (2, 2, 3, 3), 1, 1),
]


def check_conv(submission, grade, x, weight, stride, padding, numerical=False):
    grad = np.round(np.random.default_rng(x.size).normal(
        size=loop_conv2d(x, weight, np.zeros(len(weight)), stride, padding).shape), 2)
    grade.trying(f"conv2d_backward({shown(x)}, {shown(weight)}, grad={shown(grad)}, "
                 f"stride={stride}, padding={padding})")
    received = [x, weight, grad]
    originals = [a.copy() for a in received]
    got = submission.conv2d_backward(x, weight, grad, stride=stride, padding=padding)
    check_untouched(grade, received, originals, HINTS["untouched"])
    wanted = (x.shape, weight.shape, (len(weight),))
    shapes = tuple(np.shape(g) for g in got) if isinstance(got, (tuple, list)) else None
    grade.check(shapes == wanted, hint=HINTS["triple"],
                expected=words(f"(dx, dweight, dbias) of shapes {wanted}",
                               f"(dx, dweight, dbias) de formes {wanted}"),
                got=words(f"shapes {shapes}", f"formes {shapes}"))
    if numerical:
        bias = np.zeros(len(weight))
        expected = numerical_gradients(lambda a, w, b: loop_conv2d(a, w, b, stride, padding),
                                       [x, weight, bias], grad)
    else:
        expected = loop_conv2d_backward(*originals, stride, padding)
    for k, name in ((2, "dbias"), (1, "dweight"), (0, "dx")):   # the simplest first
        check_close(grade, got[k], expected[k], HINTS[name])


@pytest.mark.exercise("ch08.conv2d_backward", points=3)
class TestConv2dBackward:
    @pytest.mark.parametrize("x_shape, w_shape, stride, padding", CONV_CASES, ids=str)
    def test_chosen_geometries(self, submission, grade, x_shape, w_shape, stride, padding):
        rng = np.random.default_rng(884)
        check_conv(submission, grade, np.round(rng.normal(size=x_shape), 2),
                   np.round(rng.normal(size=w_shape), 2), stride, padding)

    def test_random_geometries(self, submission, grade):
        rng = np.random.default_rng(8084)
        for _ in range(40):
            check_conv(submission, grade, *conv_case(rng))

    def test_gradients_are_the_convolution_s_derivative(self, submission, grade):
        rng = np.random.default_rng(8085)
        for _ in range(4):
            check_conv(submission, grade, *conv_case(rng), numerical=True)


# --- 8.5 max_pool2d_backward --------------------------------------------------------------
def window_geometry(x, kernel_size, stride):
    s = stride or kernel_size
    return s, (x.shape[2] - kernel_size) // s + 1, (x.shape[3] - kernel_size) // s + 1


def loop_max_pool(x, kernel_size, stride):
    s, ho, wo = window_geometry(x, kernel_size, stride)
    out = np.zeros((*x.shape[:2], ho, wo))
    for i in range(ho):
        for j in range(wo):
            out[:, :, i, j] = x[:, :, i * s:i * s + kernel_size, j * s:j * s + kernel_size].max(axis=(2, 3))
    return out


def loop_max_pool_backward(x, grad, kernel_size, stride):
    s, ho, wo = window_geometry(x, kernel_size, stride)
    dx = np.zeros(x.shape)
    for n, c, i, j in np.ndindex(*grad.shape):
        window = x[n, c, i * s:i * s + kernel_size, j * s:j * s + kernel_size]
        p, q = np.unravel_index(np.argmax(window), window.shape)   # the first maximum
        dx[n, c, i * s + p, j * s + q] += grad[n, c, i, j]
    return dx


def pool_case(rng, ties=False):
    k = int(rng.integers(1, 4))
    stride = [None, int(rng.integers(1, 4))][int(rng.integers(0, 2))]
    n, c = (int(v) for v in rng.integers(1, 3, size=2))
    h, w = (int(v) for v in rng.integers(k, 8, size=2))
    x = rng.integers(-2, 3, size=(n, c, h, w)).astype(float) if ties else \
        np.round(rng.normal(size=(n, c, h, w)), 3)
    return x, k, stride


POOL_CASES = [  # (x, kernel_size, stride)
    (np.array([[[[1.0, 3.0, 2.0, 0.0], [4.0, 2.0, 1.0, 5.0],
                 [0.0, 1.0, 9.0, 8.0], [2.0, 6.0, 7.0, 3.0]]]]), 2, None),   # the chapter's map
    (-np.arange(1.0, 17.0).reshape(1, 1, 4, 4), 2, None),                      # all negative
    (np.ones((1, 1, 4, 4)), 2, None),                                          # every entry ties
    (np.array([[[[0.0, 5.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]]]), 2, 1),  # wins two windows
    (np.arange(25.0).reshape(1, 1, 5, 5), 3, 1),                               # overlapping
    (np.arange(35.0).reshape(1, 1, 5, 7) % 4, 2, 3),                           # gaps, ties
    (np.arange(24.0).reshape(2, 3, 2, 2), 1, None),                            # 1 x 1 windows
]


def check_pool(submission, grade, x, kernel_size, stride, numerical=False):
    grad = np.round(np.random.default_rng(x.size).normal(
        size=loop_max_pool(x, kernel_size, stride).shape), 2)
    grade.trying(f"max_pool2d_backward({shown(x)}, grad={shown(grad)}, "
                 f"kernel_size={kernel_size}, stride={stride})")
    received = [x, grad]
    originals = [a.copy() for a in received]
    got = submission.max_pool2d_backward(x, grad, kernel_size=kernel_size, stride=stride)
    check_untouched(grade, received, originals, HINTS["untouched"])
    grade.check(np.shape(got) == x.shape, hint=HINTS["pool_shape"],
                expected=words(f"dx of shape {x.shape}", f"dx de forma {x.shape}"),
                got=words(f"shape {np.shape(got)}", f"forma {np.shape(got)}"))
    if numerical:
        (expected,) = numerical_gradients(lambda a: loop_max_pool(a, kernel_size, stride),
                                          [x], grad, eps=1e-6)
    else:
        expected = loop_max_pool_backward(*originals, kernel_size, stride)
    check_close(grade, got, expected, HINTS["pool_values"])


@pytest.mark.exercise("ch08.max_pool2d_backward", points=2)
class TestMaxPool2dBackward:
    @pytest.mark.parametrize("x, kernel_size, stride", POOL_CASES, ids=range(len(POOL_CASES)))
    def test_chosen_maps(self, submission, grade, x, kernel_size, stride):
        check_pool(submission, grade, x, kernel_size, stride)

    def test_random_maps(self, submission, grade):
        rng = np.random.default_rng(8086)
        for _ in range(40):
            check_pool(submission, grade, *pool_case(rng))

    def test_random_maps_with_ties(self, submission, grade):
        rng = np.random.default_rng(8087)
        for _ in range(40):
            check_pool(submission, grade, *pool_case(rng, ties=True))

    def test_gradient_is_the_pooling_s_derivative(self, submission, grade):
        rng = np.random.default_rng(8088)
        for _ in range(10):
            check_pool(submission, grade, *pool_case(rng), numerical=True)
