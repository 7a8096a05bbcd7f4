"""Wrong: zeroes the gradients before every batch, so each step sees only its group's last batch."""

from itertools import islice

from minigrad import Tensor

EXERCISE = "ch07.train_epoch_accumulated"


def train_epoch_accumulated(model, loader, loss_fn, optimizer, accumulation_steps):
    model.train()
    total, seen = 0.0, 0
    batches = iter(loader)
    while group := list(islice(batches, accumulation_steps)):
        n = sum(len(xb) for xb, _ in group)
        for xb, yb in group:
            optimizer.zero_grad()
            loss = loss_fn(model(Tensor(xb)), yb)
            (loss * (len(xb) / n)).backward()
            total += loss.item() * len(xb)
        optimizer.step()
        seen += n
    return total / seen
