"""Wrong: subtracts the top row from the bottom row, so a bright-above-dark edge gives -600."""

import numpy as np

EXERCISE = "ch08.edge_response"


def edge_response(image, direction="horizontal", strength=1.5):
    x = np.asarray(image, dtype=float)
    if direction == "horizontal":
        return strength * (x[1:, :-1] + x[1:, 1:] - x[:-1, :-1] - x[:-1, 1:])
    return strength * (x[:-1, 1:] + x[1:, 1:] - x[:-1, :-1] - x[1:, :-1])
