"""Wrong: puts the learning rate inside the velocity (v ← μ v + lr g; p ← p − v), which differs
from PyTorch's form as soon as the learning rate changes."""

EXERCISE = "ch07.sgd_step"


def sgd_step(param, grad, velocity, lr, momentum=0.0):
    velocity *= momentum
    velocity += lr * grad
    param -= velocity
