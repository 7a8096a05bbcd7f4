"""col2im: the gradient of a convolution's im2col columns, sent back to the input values they copied.

Helpers of :func:`minigrad.functional.conv2d`'s backward: ``_span`` for the general case (one
strided slice per kernel entry), ``_col2im_shifted`` for stride 1 (one contiguous addition per
kernel entry).
"""

from __future__ import annotations

import numpy as np

from .allocator import reusable


def _span(k: int, stride: int, pad: int, size: int, out_size: int) -> tuple[slice, slice]:
    """Kernel offset ``k`` along one axis: which outputs read inside the input, and what they read.

    Output i reads input i·stride + k − pad, which with padding may fall outside the input
    (a zero). Returns the slice of the outputs i that read inside, and the slice of the
    inputs they read, so that ``out[outputs]`` pairs with ``input[inputs]``.
    """
    first = max(0, -((k - pad) // stride))                  # first i with i·s + k − pad ≥ 0
    stop = min(out_size, (size - 1 + pad - k) // stride + 1)  # past the last i inside the input
    if stop <= first:
        return slice(0, 0), slice(0, 0)
    start = first * stride + k - pad
    return slice(first, stop), slice(start, start + (stop - first - 1) * stride + 1, stride)


def _col2im_shifted(g: np.ndarray, weight: np.ndarray, shape: tuple, padding: tuple) -> np.ndarray:
    """dL/dx of a convolution of stride 1, from g = dL/dout (N, O, Ho·Wo): col2im in kH·kW additions.

    Flatten the padded input plane by plane, rows of length Wp. At kernel entry (p, q), output
    (i, j) reads the value at i·Wp + j + (p·Wp + q): one offset for all outputs. So with g laid
    out on the padded input's grid (zeros in the extra rows and columns), the gradient that
    entry (p, q) sends back, for the whole batch, is one contiguous array added at that offset:
    one numpy addition, where strided slices (as in conv2d's general case) are several times
    slower. The zeros of the extra positions spill into the next plane and add nothing.
    Each entry's share is computed just before it is added, into one buffer the size of the
    input: all kH·kW shares at once would be kH·kW times larger than the cache and be
    written to memory and read back.
    """
    n, c, h, w = shape
    o, _, kh, kw = weight.shape
    ph, pw = padding
    hp, wp = h + 2 * ph, w + 2 * pw
    ho, wo = hp - kh + 1, wp - kw + 1
    wide = reusable((n, o, hp, wp), g.dtype)
    wide.fill(0)
    wide[:, :, :ho, :wo] = g.reshape(n, o, ho, wo)
    wide = wide.reshape(n, o, hp * wp)
    dtype = np.result_type(g.dtype, weight.dtype)
    share = reusable((n, c, hp * wp), dtype)
    size = n * c * hp * wp
    flat = reusable((size + (kh - 1) * wp + kw - 1,), dtype)  # room for the last offset's spill
    flat.fill(0)
    for p in range(kh):
        for q in range(kw):
            # share[n, c] = Σ_o w[o, c, p, q] · wide[n, o]: what the columns' entries (p, q) receive
            np.matmul(weight[:, :, p, q].T, wide, out=share)
            start = p * wp + q
            flat[start:start + size] += share.reshape(-1)
    gx = reusable(shape, dtype)
    np.copyto(gx, flat[:size].reshape(n, c, hp, wp)[:, :, ph:ph + h, pw:pw + w])
    return gx
