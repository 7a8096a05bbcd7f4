"""Wrong: padding keys are hidden, but every query reads the future."""

import numpy as np

EXERCISE = "ch13.attention_mask"


def attention_mask(lengths, size):
    if np.any((lengths < 1) | (lengths > size)):
        raise ValueError(f"attention_mask: lengths {lengths.tolist()} must be from 1 to "
                         f"size = {size}")
    keys = np.arange(size) < lengths[:, None]
    return np.broadcast_to(keys[:, None, :], (len(lengths), size, size)).copy()
