"""Wrong: after the warm-up the rate falls along a straight line, not half a cosine."""

EXERCISE = "ch13.warmup_cosine"


def warmup_cosine(step, total_steps, warmup_steps, peak_lr, min_lr=0.0):
    if step < warmup_steps:
        return peak_lr * (step + 1) / warmup_steps
    t = (step - warmup_steps) / (total_steps - warmup_steps)
    return min_lr + (peak_lr - min_lr) * (1 - t)
