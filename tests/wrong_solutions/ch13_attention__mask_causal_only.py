"""Wrong: the causal mask of each sequence, but padding keys are read as if they were real."""

import numpy as np

EXERCISE = "ch13.attention_mask"


def attention_mask(lengths, size):
    if np.any((lengths < 1) | (lengths > size)):
        raise ValueError(f"attention_mask: lengths {lengths.tolist()} must be from 1 to "
                         f"size = {size}")
    return np.broadcast_to(np.tril(np.ones((size, size), dtype=bool)), (len(lengths), size, size))
