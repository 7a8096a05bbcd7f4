"""Wrong: v ← μ v + (1 − μ) g, an average of the gradients, not PyTorch's momentum."""

EXERCISE = "ch07.sgd_step"


def sgd_step(param, grad, velocity, lr, momentum=0.0):
    velocity *= momentum
    velocity += (1 - momentum) * grad
    param -= lr * velocity
