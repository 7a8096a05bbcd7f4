"""Wrong: divides by the number of batches in the group, so a smaller last batch counts as much as
a full one (the mean of the batches' means, not over the samples)."""

from minigrad import Tensor

EXERCISE = "ch07.train_epoch_accumulated"


def train_epoch_accumulated(model, loader, loss_fn, optimizer, accumulation_steps):
    model.train()
    batches = list(loader)
    total, seen = 0.0, 0
    for start in range(0, len(batches), accumulation_steps):
        group = batches[start:start + accumulation_steps]
        optimizer.zero_grad()
        for xb, yb in group:
            loss = loss_fn(model(Tensor(xb)), yb)
            (loss * (1 / len(group))).backward()
            total += loss.item() * len(xb)
            seen += len(xb)
        optimizer.step()
    return total / seen
