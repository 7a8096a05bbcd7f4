"""Wrong: steps only after a full group, so the last, incomplete group is never stepped."""

from minigrad import Tensor

EXERCISE = "ch07.train_epoch_accumulated"


def train_epoch_accumulated(model, loader, loss_fn, optimizer, accumulation_steps):
    model.train()
    batches = list(loader)
    total, seen = 0.0, 0
    for start in range(0, len(batches), accumulation_steps):
        group = batches[start:start + accumulation_steps]
        n = sum(len(xb) for xb, _ in group)
        optimizer.zero_grad()
        for xb, yb in group:
            loss = loss_fn(model(Tensor(xb)), yb)
            (loss * (len(xb) / n)).backward()
            total += loss.item() * len(xb)
        if len(group) == accumulation_steps:
            optimizer.step()
        seen += n
    return total / seen
