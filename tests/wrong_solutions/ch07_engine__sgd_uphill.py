"""Wrong: steps along the velocity instead of against it: the loss goes up."""

EXERCISE = "ch07.sgd_step"


def sgd_step(param, grad, velocity, lr, momentum=0.0):
    velocity *= momentum
    velocity += grad
    param += lr * velocity
