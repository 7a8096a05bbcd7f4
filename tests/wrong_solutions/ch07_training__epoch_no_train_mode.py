"""Wrong: forgets model.train(), so a model left in evaluation mode trains with dropout off."""

from minigrad import Tensor

EXERCISE = "ch07.train_epoch"


def train_epoch(model, loader, loss_fn, optimizer):
    total, seen = 0.0, 0
    for xb, yb in loader:
        loss = loss_fn(model(Tensor(xb)), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += loss.item() * len(xb)
        seen += len(xb)
    return total / seen
