"""Wrong: a sign error in the off-diagonal terms, ∂sᵢ/∂zⱼ = sᵢ(δᵢⱼ + sⱼ)."""

EXERCISE = "ch06.softmax_backward"


def softmax_backward(probs, grad, axis=-1):
    weighted = (grad * probs).sum(axis=axis, keepdims=True)
    return probs * (grad + weighted)
