"""Wrong: keeps only the diagonal of the Jacobian, ∂sᵢ/∂xᵢ = sᵢ(1 − sᵢ), as if softmax were
element-wise: each score also moves the other probabilities of its slice."""

EXERCISE = "ch06.softmax_backward"


def softmax_backward(probs, grad, axis=-1):
    return probs * (1 - probs) * grad
