"""Wrong: trains right, but leaves the model in evaluation mode."""

from itertools import islice

from minigrad import Tensor

EXERCISE = "ch07.train_epoch_accumulated"


def train_epoch_accumulated(model, loader, loss_fn, optimizer, accumulation_steps):
    total, seen = 0.0, 0
    batches = iter(loader)
    while group := list(islice(batches, accumulation_steps)):
        n = sum(len(xb) for xb, _ in group)
        optimizer.zero_grad()
        for xb, yb in group:
            loss = loss_fn(model(Tensor(xb)), yb)
            (loss * (len(xb) / n)).backward()
            total += loss.item() * len(xb)
        optimizer.step()
        seen += n
    return total / seen
