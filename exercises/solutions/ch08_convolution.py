"""Chapter 8 exercises: reference solutions (the book shows them in a collapsed dropdown)."""

from __future__ import annotations

import numpy as np


def conv2d_loops(image: np.ndarray, kernel: np.ndarray, stride: int = 1,
                 padding: int = 0) -> np.ndarray:
    """Slide ``kernel`` (kH, kW) over ``image`` (H, W) with Python loops; return the map."""
    # np.pad returns a new, larger array: a frame of `padding` zeros around the image.
    x = np.pad(np.asarray(image, dtype=float), padding)
    kh, kw = kernel.shape
    out_h = (x.shape[0] - kh) // stride + 1
    out_w = (x.shape[1] - kw) // stride + 1
    out = np.zeros((out_h, out_w))          # floats, even if the image holds integers
    for i in range(out_h):
        for j in range(out_w):
            total = 0.0
            for p in range(kh):
                for q in range(kw):
                    total += kernel[p, q] * x[i * stride + p, j * stride + q]
            out[i, j] = total
    return out


def shift_right_kernel() -> np.ndarray:
    """A 3 × 3 filter that, with ``padding=1`` and ``stride=1``, moves an image one pixel right."""
    # With padding 1, out[i, j] = Σ_pq kernel[p, q] · image[i + p − 1, j + q − 1]: the filter's
    # centre (1, 1) sits on pixel (i, j). Moving the image right means out[i, j] = image[i, j − 1],
    # the pixel on the left of the centre: p = 1, q = 0. A 1 on the right of the centre would
    # move the image left, because the filter is not flipped.
    kernel = np.zeros((3, 3))
    kernel[1, 0] = 1.0
    return kernel


def max_pool(image: np.ndarray, size: int = 2, stride: int | None = None) -> np.ndarray:
    """The largest value of every ``size`` × ``size`` window of ``image`` (H, W)."""
    if stride is None:
        stride = size
    out_h = (image.shape[0] - size) // stride + 1
    out_w = (image.shape[1] - size) // stride + 1
    out = np.zeros((out_h, out_w), dtype=image.dtype)
    for i in range(out_h):
        for j in range(out_w):
            window = image[i * stride:i * stride + size, j * stride:j * stride + size]
            out[i, j] = window.max()        # not max(0, ...): pixels may be negative
    return out


def commutes_with_max_pool() -> dict[str, bool]:
    """For each function f applied to every pixel: is max_pool(f(x)) equal to f(max_pool(x))?"""
    # A non-decreasing f keeps the order of the pixels of a window, so the pixel that is largest
    # before f is still largest after it: max(f(a), f(b)) = f(max(a, b)). The ReLU and 2x + 1 are
    # non-decreasing. −x reverses the order (the maximum of −x is minus the minimum of x), and x²
    # reverses it for negative pixels: the window (−3, 1) gives 9 one way and 1 the other.
    return {"relu": True, "negative": False, "square": False, "double_plus_one": True}


def receptive_field(layers: list[tuple]) -> int:
    """The side, in pixels of the input, of the square patch that one output value sees."""
    size = 1    # the patch of one value of the layers read so far, in input pixels
    jump = 1    # how many input pixels apart two neighbouring values of that layer are
    for layer in layers:
        k, s = layer[1], layer[2]           # the padding, if any, moves the patch, not its size
        size += (k - 1) * jump              # k neighbouring values, `jump` pixels apart
        jump *= s
    return size
