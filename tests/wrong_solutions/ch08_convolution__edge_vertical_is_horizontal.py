"""Wrong: uses the horizontal filter for both directions, so vertical edges go unseen."""

import numpy as np

EXERCISE = "ch08.edge_response"


def edge_response(image, direction="horizontal", strength=1.5):
    x = np.asarray(image, dtype=float)
    return strength * (x[:-1, :-1] + x[:-1, 1:] - x[1:, :-1] - x[1:, 1:])
