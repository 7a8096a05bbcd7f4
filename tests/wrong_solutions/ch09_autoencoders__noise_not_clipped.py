"""Wrong: forgets to clip, so noisy pixels fall below 0 and above 1."""

EXERCISE = "ch09.add_noise"


def add_noise(X, std, rng):
    return X + rng.normal(0.0, std, size=X.shape)
