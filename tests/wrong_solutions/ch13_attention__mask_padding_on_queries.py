"""Wrong: the padding test on the query i, not the key j: padded queries read nothing (nan)."""

import numpy as np

EXERCISE = "ch13.attention_mask"


def attention_mask(lengths, size):
    if np.any((lengths < 1) | (lengths > size)):
        raise ValueError(f"attention_mask: lengths {lengths.tolist()} must be from 1 to "
                         f"size = {size}")
    queries = np.arange(size) < lengths[:, None]
    return np.tril(np.ones((size, size), dtype=bool)) & queries[:, :, None]
