"""Wrong: assigns a new array to the name velocity, so the caller's velocity never changes."""

EXERCISE = "ch07.sgd_step"


def sgd_step(param, grad, velocity, lr, momentum=0.0):
    velocity = momentum * velocity + grad
    param -= lr * velocity
