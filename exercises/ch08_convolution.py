"""Chapter 8 exercises: a convolution with loops, max pooling, and the edge filter's response.

Work with numpy arrays only: the grader switches off minigrad's convolution and pooling
(``F.conv2d``, ``F.max_pool2d``, ...), so the numbers must come from your code.
(Treballa només amb arrays de numpy: el corrector desactiva la convolució i el pooling de
minigrad.)

Replace each ``raise NotImplementedError`` with your code, then grade your work:

    pytest exercises/test_ch08_convolution.py                     # feedback in English
    MINIGRAD_LANG=ca pytest exercises/test_ch08_convolution.py    # comentaris en català
"""

from __future__ import annotations

import numpy as np


def conv2d_loops(image: np.ndarray, kernel: np.ndarray, stride: int = 1,
                 padding: int = 0) -> np.ndarray:
    """Slide ``kernel`` (kH, kW) over ``image`` (H, W) with Python loops; return the map.

    First surround the image with ``padding`` rows and columns of zeros; call the result x.
    Then out[i, j] = sum over p, q of kernel[p, q] * x[i * stride + p, j * stride + q]
    (the kernel is not flipped, as in every deep learning library). The result is a float
    array of shape (Ho, Wo), with Ho = (H + 2 * padding - kH) // stride + 1, and Wo alike.
    (Fes lliscar el filtre per sobre de la imatge amb bucles i retorna el mapa.)
    """
    raise NotImplementedError("pad with np.pad, then four loops: output i, j and kernel p, q")


def max_pool(image: np.ndarray, size: int = 2, stride: int | None = None) -> np.ndarray:
    """The largest value of every ``size`` × ``size`` window of ``image`` (H, W).

    Windows start every ``stride`` pixels (``stride=None`` means ``stride = size``: windows
    side by side) and only whole windows count: out[i, j] is the maximum of
    image[i*stride : i*stride + size, j*stride : j*stride + size], for an output of shape
    ((H - size) // stride + 1, (W - size) // stride + 1). Pixels may be negative.
    (El valor més gran de cada finestra; només compten les finestres senceres.)
    """
    raise NotImplementedError("stride None means size; take the max of each whole window")


def edge_response(image: np.ndarray, direction: str = "horizontal",
                  strength: float = 1.5) -> np.ndarray:
    """The response map of the 2 × 2 edge filter of ``direction`` over ``image`` (H, W).

    With c = ``strength``, the "horizontal" filter is [[c, c], [-c, -c]]: positive where a
    bright row lies above a dark one. The "vertical" filter is [[c, -c], [c, -c]]: positive
    where a bright column lies to the left of a dark one. Stride 1, no padding: the result is
    a float array of shape (H - 1, W - 1).
    (El mapa de resposta del filtre de vores 2 × 2 de la direcció donada.)
    """
    raise NotImplementedError("build the 2 x 2 kernel from strength, slide it with stride 1")
