"""Wrong: keeps the k tokens of SMALLEST logit (argsort is ascending)."""

import numpy as np

EXERCISE = "ch13.sample"


def sample(logits, temperature, rng, top_k=None):
    if temperature == 0:
        return int(np.argmax(logits))
    scaled = logits / temperature
    if top_k is not None:
        keep = np.argsort(scaled)[:top_k]
        scaled = np.where(np.isin(np.arange(len(scaled)), keep), scaled, -np.inf)
    probs = np.exp(scaled - scaled.max())
    return int(rng.choice(len(logits), p=probs / probs.sum()))
