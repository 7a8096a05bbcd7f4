"""Wrong: flips the kernel when sending the gradient back to the input (the mathematicians'
convolution), although the forward pass does not flip it."""

import solutions.ch08_engine as reference

EXERCISE = "ch08.conv2d_backward"


def conv2d_backward(x, weight, grad, stride=1, padding=0):
    _, dweight, dbias = reference.conv2d_backward(x, weight, grad, stride, padding)
    dx = reference.conv2d_backward(x, weight[:, :, ::-1, ::-1], grad, stride, padding)[0]
    return dx, dweight, dbias
