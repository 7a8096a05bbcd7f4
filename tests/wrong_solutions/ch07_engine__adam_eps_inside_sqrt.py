"""Wrong: adds eps under the square root, √(v̂ + eps), instead of after it."""

import numpy as np

EXERCISE = "ch07.adam_step"


def adam_step(param, grad, exp_avg, exp_avg_sq, step, lr=1e-3, betas=(0.9, 0.999), eps=1e-8):
    exp_avg *= betas[0]
    exp_avg += (1 - betas[0]) * grad
    exp_avg_sq *= betas[1]
    exp_avg_sq += (1 - betas[1]) * grad * grad
    m_hat = exp_avg / (1 - betas[0] ** step)
    v_hat = exp_avg_sq / (1 - betas[1] ** step)
    param -= lr * m_hat / np.sqrt(v_hat + eps)
