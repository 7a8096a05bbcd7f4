"""Chapter 8 exercises: a convolution with loops, a filter that moves an image, max pooling
and what it commutes with, and the receptive field.

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

    First surround the image with ``padding`` rows and columns of zeros. The map's value at
    each output position is the filter's response there, as in the chapter; the kernel is not
    flipped, as in every deep learning library. The result is a float array of shape
    (Ho, Wo), with Ho = (H + 2 * padding - kH) // stride + 1, and Wo alike.
    (Fes lliscar el filtre per sobre de la imatge amb bucles i retorna el mapa.)
    """
    raise NotImplementedError("pad with np.pad, then loop over the output positions")


def shift_right_kernel() -> np.ndarray:
    """A 3 × 3 filter that, with ``padding=1`` and ``stride=1``, moves an image one pixel right.

    Convolved with it, an image (H, W) gives the map (H, W) whose column j is the image's column
    j − 1, and whose column 0 is zeros (the padding). Predict the filter before you run anything.
    (Un filtre de 3 × 3 que desplaça la imatge un píxel cap a la dreta.)
    """
    raise NotImplementedError("which pixel must out[i, j] copy, and which weight multiplies it?")


def max_pool(image: np.ndarray, size: int = 2, stride: int | None = None) -> np.ndarray:
    """The largest value of every ``size`` × ``size`` window of ``image`` (H, W).

    Windows start every ``stride`` pixels (``stride=None`` means ``stride = size``: windows
    side by side) and only whole windows count, for an output of shape
    ((H - size) // stride + 1, (W - size) // stride + 1). Pixels may be negative.
    (El valor més gran de cada finestra; només compten les finestres senceres.)
    """
    raise NotImplementedError("stride None means size; take the max of each whole window")


def commutes_with_max_pool() -> dict[str, bool]:
    """For each function f applied to every pixel: is max_pool(f(x)) equal to f(max_pool(x))?

    The keys name the functions: "relu" is max(0, x), "negative" is −x, "square" is x² and
    "double_plus_one" is 2x + 1. Return True for a function when the two maps are equal for every
    map x, window size and stride, and False when some x makes them differ.
    (Per a cada funció: agrupar per màxims abans o després d'aplicar-la dona el mateix mapa?)
    """
    raise NotImplementedError("try one window of two pixels, one of them negative")


def receptive_field(layers: list[tuple]) -> int:
    """The side, in pixels of the input, of the square patch that one output value sees.

    ``layers`` lists a network's layers from the input on: ``("conv", k, s, p)`` is a k × k
    convolution with stride s and padding p, ``("pool", k, s)`` a k × k pooling with stride s.
    The patch is that of a value away from the border, where no padding falls inside it. With
    no layers the output is the input, and a value sees one pixel: the answer is 1.
    (El costat, en píxels de l'entrada, de la zona que veu un valor de la sortida.)
    """
    raise NotImplementedError("start from one output value and go back to the input, a layer at a time")
