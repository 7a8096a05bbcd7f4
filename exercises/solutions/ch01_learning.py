"""Chapter 1 exercises: reference solutions (the book shows them in a collapsed dropdown)."""

from __future__ import annotations


def mean_squared_error(w: float, b: float, xs: list[float], ys: list[float]) -> float:
    """The loss of the line y_hat = w·x + b on the examples (xs[i], ys[i])."""
    total = 0.0
    for x, y in zip(xs, ys):
        error = (w * x + b) - y      # how far the line misses this example
        total += error ** 2          # squared: misses above and below both count
    return total / len(xs)


def best_intercept(w: float, xs: list[float], ys: list[float]) -> float:
    """The intercept b that gives the line y_hat = w·x + b, of the fixed slope w, its smallest loss."""
    # With w fixed, write each miss as e_i + b, where e_i = w·x_i - y_i. Then
    # L(b) = mean((e_i + b)^2) = b^2 + 2·b·mean(e) + mean(e^2), a parabola in b whose lowest
    # point is at b = -mean(e) = mean(y) - w·mean(x): the best line of every slope goes through
    # the point of means (mean(x), mean(y)).
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    return mean_y - w * mean_x


def improve(w: float, b: float, xs: list[float], ys: list[float], step: float
            ) -> tuple[float, float]:
    """One round of trial and improvement: the best of (w, b) and its four nudges."""
    best, best_loss = (w, b), mean_squared_error(w, b, xs, ys)
    for trial in [(w + step, b), (w - step, b), (w, b + step), (w, b - step)]:
        loss = mean_squared_error(trial[0], trial[1], xs, ys)
        if loss < best_loss:         # strictly better: a tie keeps what we had
            best, best_loss = trial, loss
    return best


def fit_line(xs: list[float], ys: list[float], rounds: int = 200, step: float = 1.0
             ) -> tuple[float, float]:
    """Learn w and b from the examples, starting from w = b = 0."""
    w, b = 0.0, 0.0
    for _ in range(rounds):
        new_w, new_b = improve(w, b, xs, ys, step)
        if (new_w, new_b) == (w, b):
            step /= 2                # stuck: the minimum is closer than one step
        w, b = new_w, new_b
    return w, b
