"""Wrong: never zeroes the gradients, so every step uses the sum of all earlier batches' ones."""

from minigrad import Tensor

EXERCISE = "ch07.train_epoch"


def train_epoch(model, loader, loss_fn, optimizer):
    model.train()
    total, seen = 0.0, 0
    for xb, yb in loader:
        loss = loss_fn(model(Tensor(xb)), yb)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(xb)
        seen += len(xb)
    return total / seen
