"""Wrong: the reference training loop on an adam_step that assigns a new array to param, so the
parameters never change. The grader must name adam_step."""

from types import FunctionType

import numpy as np

import solutions.ch07_engine as reference
from solutions.ch07_engine import cross_entropy, linear  # noqa: F401 (used by the loop)

EXERCISE = "ch07.train_digits"


def adam_step(param, grad, exp_avg, exp_avg_sq, step, lr=1e-3, betas=(0.9, 0.999), eps=1e-8):
    exp_avg *= betas[0]
    exp_avg += (1 - betas[0]) * grad
    exp_avg_sq *= betas[1]
    exp_avg_sq += (1 - betas[1]) * grad * grad
    m_hat = exp_avg / (1 - betas[0] ** step)
    v_hat = exp_avg_sq / (1 - betas[1] ** step)
    param = param - lr * m_hat / (np.sqrt(v_hat) + eps)


def train_digits(X_train, y_train, seed=0):
    # The reference loop's code, looking its pieces up in this file (where the grader swaps them).
    return FunctionType(reference.train_digits.__code__, globals())(X_train, y_train, seed)
