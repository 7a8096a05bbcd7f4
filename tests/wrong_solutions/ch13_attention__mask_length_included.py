"""Wrong: j <= lengths[seq], so the first padding key is read."""

import numpy as np

EXERCISE = "ch13.attention_mask"


def attention_mask(lengths, size):
    if np.any((lengths < 1) | (lengths > size)):
        raise ValueError(f"attention_mask: lengths {lengths.tolist()} must be from 1 to "
                         f"size = {size}")
    keys = np.arange(size) <= lengths[:, None]
    return np.tril(np.ones((size, size), dtype=bool)) & keys[:, None, :]
