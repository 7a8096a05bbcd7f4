"""Wrong: measures the ratio with minigrad's Adam, which the grader switches off."""

import numpy as np

from minigrad import Tensor, optim

EXERCISE = "ch07.uncorrected_adam_ratio"


def uncorrected_adam_ratio(step, betas=(0.9, 0.999)):
    w = Tensor(np.zeros(1), requires_grad=True)
    adam = optim.Adam([w], lr=1.0, betas=betas, eps=1e-300)
    m = s = 0.0
    for _ in range(step):
        before = float(w.data[0])
        w.grad = Tensor(np.ones(1))
        adam.step()
        m, s = betas[0] * m + (1 - betas[0]), betas[1] * s + (1 - betas[1])
    return (m / s ** 0.5) / abs(float(w.data[0]) - before)
