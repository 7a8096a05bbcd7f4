"""Wrong: accepts top_k but draws from every token."""

import numpy as np

EXERCISE = "ch13.sample"


def sample(logits, temperature, rng, top_k=None):
    if temperature == 0:
        return int(np.argmax(logits))
    scaled = logits / temperature
    probs = np.exp(scaled - scaled.max())
    return int(rng.choice(len(logits), p=probs / probs.sum()))
