"""Wrong: zeroes the other tokens' probabilities AFTER normalising, then gives their share to the
most likely token, so the kept tokens do not keep their relative odds."""

import numpy as np

EXERCISE = "ch13.sample"


def sample(logits, temperature, rng, top_k=None):
    if temperature == 0:
        return int(np.argmax(logits))
    scaled = logits / temperature
    probs = np.exp(scaled - scaled.max())
    probs /= probs.sum()
    if top_k is not None:
        dropped = np.argsort(probs)[:-top_k]
        probs[np.argmax(probs)] += probs[dropped].sum()
        probs[dropped] = 0.0
    return int(rng.choice(len(logits), p=probs))
