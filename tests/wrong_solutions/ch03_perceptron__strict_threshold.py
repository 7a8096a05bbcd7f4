"""Wrong: fires only when the weighted sum is strictly positive, so a sum of exactly 0 gives 0."""

EXERCISE = "ch03.perceptron_predict"


def perceptron_predict(weights, bias, x):
    z = bias + sum(w * v for w, v in zip(weights, x))
    return 1 if z > 0 else 0
