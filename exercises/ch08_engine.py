"""Chapter 8 exercises, part 2: the backward of a convolution and of max pooling.

Each function receives the input of the operation and ``grad``, the gradient of the loss with
respect to its output (dL/dout), and returns the gradient with respect to each input, in that
input's shape. Work with numpy arrays: the grader switches off minigrad's backpropagation, so
the numbers must come from your code. (La passada enrere d'una convolució i de l'agrupació per màxims.)

Replace each ``raise NotImplementedError`` with your code, then grade your work:

    pytest exercises/test_ch08_engine.py                     # feedback in English
    MINIGRAD_LANG=ca pytest exercises/test_ch08_engine.py    # comentaris en català
"""

from __future__ import annotations

import numpy as np


def conv2d_backward(x: np.ndarray, weight: np.ndarray, grad: np.ndarray, stride: int = 1,
                    padding: int = 0, dilation: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """The backward of a dilated convolution without bias: return (dx, dweight).

    x: (N, C, H, W); weight: (O, C, kH, kW); grad = dL/dout: (N, O, Ho, Wo). The forward pass
    is chapter 8's ``conv2d(x, weight, stride=stride, padding=padding)`` plus PyTorch's
    ``dilation``: output (i, j) still reads the window of xpad (x with ``padding`` zeros
    around it) whose top-left corner is (i·stride, j·stride), but the filter's taps are
    ``dilation`` pixels apart instead of side by side. A filter of height kH then covers
    dilation·(kH − 1) + 1 rows, and Ho = (H + 2·padding − dilation·(kH − 1) − 1) // stride + 1.
    dx has the shape of x and dweight that of weight; x, weight and grad stay unchanged.
    (Retorna els gradients de l'entrada i dels pesos d'una convolució dilatada.)
    """
    raise NotImplementedError("taps dilation apart: which pixel does each read, and where does its gradient go?")


def max_pool2d_backward(x: np.ndarray, grad: np.ndarray, kernel_size: int = 2,
                        stride: int | None = None) -> np.ndarray:
    """The backward of ``max_pool2d(x, kernel_size, stride)``: return dL/dx.

    x: (N, C, H, W); grad = dL/dout: (N, C, Ho, Wo), one entry per window (``stride=None``
    means stride = kernel_size). Only the largest entry of each window reached the output,
    so grad[n, c, i, j] goes to it alone; when several entries tie, to the first of them
    in row-major order (as in PyTorch). An input that wins several overlapping windows
    receives the sum of their gradients. Every other entry of dx is 0.
    (El gradient va a l'element més gran de cada finestra; al primer, si n'hi ha d'iguals.)
    """
    raise NotImplementedError("per window: which entry won, and where is it in x? windows may share it")
