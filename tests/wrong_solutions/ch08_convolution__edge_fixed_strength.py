"""Wrong: always uses the seeds' 1.5, whatever strength it is given."""

import numpy as np

EXERCISE = "ch08.edge_response"


def edge_response(image, direction="horizontal", strength=1.5):
    x = np.asarray(image, dtype=float)
    if direction == "horizontal":
        return 1.5 * (x[:-1, :-1] + x[:-1, 1:] - x[1:, :-1] - x[1:, 1:])
    return 1.5 * (x[:-1, :-1] + x[1:, :-1] - x[:-1, 1:] - x[1:, 1:])
