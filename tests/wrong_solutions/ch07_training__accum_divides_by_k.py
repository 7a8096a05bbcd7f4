"""Wrong: scales every loss by 1/k, also in a last group of fewer batches (too small a step)."""

from minigrad import Tensor

EXERCISE = "ch07.train_epoch_accumulated"


def train_epoch_accumulated(model, loader, loss_fn, optimizer, accumulation_steps):
    model.train()
    total, seen, count = 0.0, 0, 0
    optimizer.zero_grad()
    for xb, yb in loader:
        loss = loss_fn(model(Tensor(xb)), yb)
        (loss * (1 / accumulation_steps)).backward()
        total += loss.item() * len(xb)
        seen += len(xb)
        count += 1
        if count % accumulation_steps == 0:
            optimizer.step()
            optimizer.zero_grad()
    if count % accumulation_steps:
        optimizer.step()
    return total / seen
