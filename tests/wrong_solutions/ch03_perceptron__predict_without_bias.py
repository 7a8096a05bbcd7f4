"""Wrong: forgets the bias in the weighted sum."""

EXERCISE = "ch03.perceptron_predict"


def perceptron_predict(weights, bias, x):
    z = sum(w * v for w, v in zip(weights, x))
    return 1 if z >= 0 else 0
