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
                    padding: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The backward of ``conv2d(x, weight, bias, stride, padding)``: return (dx, dweight, dbias).

    x: (N, C, H, W); weight: (O, C, kH, kW); grad = dL/dout: (N, O, Ho, Wo), where
    out[n, o, i, j] = bias[o] + Σ_{c,p,q} weight[o, c, p, q] · xpad[n, c, i·s + p, j·s + q]
    and xpad is x with ``padding`` zeros around it. Each returned gradient has the shape of
    what it is the gradient of; chapter 8, "How minigrad convolves: im2col", derives all three.
    (Retorna els gradients de l'entrada, dels pesos i del biaix.)
    """
    raise NotImplementedError("the forward pass is a matrix product: what is its backward?")


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
