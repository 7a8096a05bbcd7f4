"""Graders for chapter 8, part 2 (exercises/ch08_engine.py): the backward of conv2d and of
max pooling.

The grader's oracles are its own: central differences in float64 of its own loop-based
forward passes (the definition, slow but plain), PyTorch's conv2d gradients when torch can be
imported (off the clock: its import does not count in the time limit), and for pooling the gradients accumulated window by window. Shapes, strides
(overlapping windows, and gaps between them), paddings, dilations and kernel sizes are drawn
at random; pooling also gets ties. minigrad's backpropagation is switched off by an autouse
fixture.
"""

from __future__ import annotations

import functools

import numpy as np
import pytest

import grading
from _engine_checks import (check_close, check_untouched, numerical_gradients, shown,
                            switch_off_minigrad, torch, words)  # noqa: F401 - torch: a fixture

HINTS = {
    "untouched": words(
        "Do not modify the arrays you receive: np.pad returns a new array, and the gradients "
        "should be new arrays too.",
        "No modifiquis els arrays que reps: np.pad en retorna un de nou, i els gradients també "
        "han de ser arrays nous."),
    "pair": words(
        "Return two arrays, (dx, dweight), of the shapes of x (N, C, H, W) and of weight (O, C, "
        "kH, kW). The padding is not part of the input: dx must not keep it.",
        "Retorna dos arrays, (dx, dweight), de les formes de x (N, C, H, W) i de weight (O, C, "
        "kH, kW). El farciment no forma part de l'entrada: dx no l'ha de conservar."),
    "dweight": words(
        "dweight is wrong. Which pixels of the PADDED input does output (i, j) read: where does "
        "its window start, and how far apart are the filter's taps when dilation > 1? How many "
        "pixels does a filter of k taps cover, and does your code use every position of grad? "
        "The same filters serve every image: does each image count in dweight?",
        "dweight és incorrecte. Quins píxels de l'entrada FARCIDA llegeix la sortida (i, j): on "
        "comença la seva finestra, i a quina distància estan els elements del filtre quan "
        "dilation > 1? Quants píxels cobreix un filtre de k elements, i el teu codi fa servir "
        "totes les posicions de grad? Els mateixos filtres serveixen per a totes les imatges: "
        "dweight té en compte cada imatge?"),
    "dx": words(
        "dx is wrong (dweight is right). Each tap's gradient goes back to the very pixel that tap "
        "read in the forward pass, with the same spacing; where windows overlap, the shares add "
        "up. Is the padding cut off at the end?",
        "dx és incorrecte (dweight és correcte). El gradient de cada element del filtre torna al "
        "mateix píxel que aquest element ha llegit a la passada endavant, amb la mateixa "
        "separació; on les finestres se superposen, les aportacions se sumen. Treus el farciment "
        "al final?"),
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
def output_size(size, k, stride, padding, dilation):
    """PyTorch's: k taps, ``dilation`` apart, cover dilation·(k − 1) + 1 pixels."""
    return (size + 2 * padding - dilation * (k - 1) - 1) // stride + 1


def loop_conv2d(x, weight, stride, padding, dilation):
    """out[n, o, i, j] = Σ_{c,p,q} weight[o, c, p, q] · xpad[n, c, i·s + d·p, j·s + d·q], by its
    definition: one output position at a time, all its taps at once."""
    xpad = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    o, _, kh, kw = weight.shape
    taps_h, taps_w = np.arange(kh) * dilation, np.arange(kw) * dilation
    out = np.zeros((len(x), o, *(output_size(size, k, stride, padding, dilation)
                                 for size, k in zip(x.shape[2:], (kh, kw)))))
    for i, j in np.ndindex(*out.shape[2:]):
        read = xpad[:, :, i * stride + taps_h[:, None], j * stride + taps_w]   # (N, C, kH, kW)
        out[:, :, i, j] = np.einsum("ncpq,ocpq->no", read, weight)
    return out


def conv_case(rng):
    """Random shapes, with stride 1 or 2, padding 0 to 2 and dilation 1 to 3."""
    n, c, o = (int(v) for v in rng.integers(1, 4, size=3))
    kh, kw = (int(v) for v in rng.integers(1, 4, size=2))
    stride, padding, dilation = int(rng.integers(1, 3)), int(rng.integers(0, 3)), int(rng.integers(1, 4))
    # The padded input must hold at least one dilated window.
    h, w = (int(rng.integers(max(1, dilation * (k - 1) + 1 - 2 * padding), 8)) for k in (kh, kw))
    return (np.round(rng.normal(size=(n, c, h, w)), 2), np.round(rng.normal(size=(o, c, kh, kw)), 2),
            stride, padding, dilation)


CONV_CASES = [  # (x shape, weight shape, stride, padding, dilation)
    ((1, 1, 4, 4), (1, 1, 3, 3), 1, 0, 1),      # chapter 8's convolution, overlapping windows
    ((2, 1, 5, 5), (1, 1, 2, 2), 2, 0, 1),      # side by side, two images
    ((1, 1, 5, 5), (1, 1, 3, 3), 1, 0, 2),      # one 3 x 3 filter covering the whole 5 x 5 image
    ((2, 1, 6, 6), (1, 1, 2, 2), 1, 0, 2),      # taps two apart, overlapping windows
    ((1, 2, 7, 6), (3, 2, 2, 3), 2, 1, 3),      # gaps between the windows and between the taps
    ((3, 2, 5, 6), (2, 2, 3, 3), 1, 2, 2),      # padding kept the size
    ((2, 3, 6, 5), (4, 3, 3, 2), 2, 2, 2),
    ((1, 1, 3, 3), (1, 1, 1, 1), 1, 2, 3),      # one tap: dilation changes nothing
]


def central_differences(x, weight, grad, stride, padding, dilation):
    """dx and dweight of L = Σ grad · conv2d(x, weight), in float64."""
    return numerical_gradients(lambda a, w: loop_conv2d(a, w, stride, padding, dilation),
                               [x, weight], grad)


def torch_gradients(torch, x, weight, grad, stride, padding, dilation):
    """PyTorch's dx and dweight for the same convolution."""
    xt, wt = torch.tensor(x, requires_grad=True), torch.tensor(weight, requires_grad=True)
    out = torch.nn.functional.conv2d(xt, wt, stride=stride, padding=padding, dilation=dilation)
    out.backward(torch.tensor(grad))
    return xt.grad.numpy(), wt.grad.numpy()


def check_conv(submission, grade, rng, x, weight, stride, padding, dilation,
               oracle=central_differences):
    grad = np.round(rng.normal(size=loop_conv2d(x, weight, stride, padding, dilation).shape), 2)
    grade.trying(f"conv2d_backward({shown(x)}, {shown(weight)}, grad={shown(grad)}, "
                 f"stride={stride}, padding={padding}, dilation={dilation})")
    received = [x, weight, grad]
    originals = [a.copy() for a in received]
    got = submission.conv2d_backward(x, weight, grad, stride=stride, padding=padding,
                                     dilation=dilation)
    check_untouched(grade, received, originals, HINTS["untouched"])
    wanted = (x.shape, weight.shape)
    shapes = tuple(np.shape(g) for g in got) if isinstance(got, (tuple, list)) else None
    grade.check(shapes == wanted, hint=HINTS["pair"],
                expected=words(f"(dx, dweight) of shapes {wanted}",
                               f"(dx, dweight) de formes {wanted}"),
                got=words(f"shapes {shapes}", f"formes {shapes}"))
    expected = oracle(*originals, stride, padding, dilation)
    for k, name in ((1, "dweight"), (0, "dx")):   # dweight first: its hint is about the windows
        check_close(grade, got[k], expected[k], HINTS[name], rtol=1e-6, atol=1e-7)


@pytest.mark.exercise("ch08.conv2d_backward", points=3)
class TestConv2dBackward:
    @pytest.mark.parametrize("x_shape, w_shape, stride, padding, dilation", CONV_CASES, ids=str)
    def test_chosen_geometries(self, submission, grade, x_shape, w_shape, stride, padding,
                               dilation):
        rng = grading.rng(884)
        check_conv(submission, grade, rng, np.round(rng.normal(size=x_shape), 2),
                   np.round(rng.normal(size=w_shape), 2), stride, padding, dilation)

    def test_random_geometries(self, submission, grade):
        rng = grading.rng(8084)
        for _ in range(30):
            check_conv(submission, grade, rng, *conv_case(rng))

    def test_agrees_with_pytorch(self, submission, grade, torch):
        rng = grading.rng(8085)
        for _ in range(10):
            check_conv(submission, grade, rng, *conv_case(rng),
                       oracle=functools.partial(torch_gradients, torch))


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
