"""Wrong: zeroes the gradients between backward() and step(), so the optimizer never moves."""

from minigrad import Tensor

EXERCISE = "ch07.train_epoch"


def train_epoch(model, loader, loss_fn, optimizer):
    model.train()
    total, seen = 0.0, 0
    for xb, yb in loader:
        loss = loss_fn(model(Tensor(xb)), yb)
        loss.backward()
        optimizer.zero_grad()
        optimizer.step()
        total += loss.item() * len(xb)
        seen += len(xb)
    return total / seen
