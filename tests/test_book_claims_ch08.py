"""The numbers that chapter 8 relies on, recomputed with the library (the pattern of
book_claims_helpers.py; the claim about pooling is in test_book_claims_pooling.py)."""
import numpy as np

import minigrad
from book_claims_helpers import digits_split
from minigrad import Tensor, optim
from minigrad.data import load_digits, train_test_split


def test_ch08_he_weights_keep_ten_layers_the_same_size():
    """Chapter 8: through ten hidden ReLU layers of 64, He's weights keep the activations' spread
    within a factor of two, σ = 0.05 multiplies it by about 0.26 per layer and σ = 0.5 by about 2.6;
    the bias gradients fall about 500,000-fold from layer 11 to layer 1 with σ = 0.05 and grow about
    9,000-fold with σ = 0.5, yet each start's weight gradients stay within a factor of four across
    the eleven layers, every layer's more than 10⁵ times smaller with σ = 0.05 than with He's and
    more than 10⁴ times larger with σ = 0.5."""
    from minigrad import nn

    X_train, _, y_train, _ = digits_split()
    xb, yb = Tensor(X_train[:256]), Tensor(y_train[:256])
    weight_grads = {}
    fall = {0.05: (4e5, 7e5), None: (1 / 3, 3), 0.5: (1 / 1.2e4, 1 / 7e3)}   # std(∂L/∂b_11) / std(∂L/∂b_1)
    for std in (0.05, None, 0.5):
        minigrad.manual_seed(0)
        net = nn.MLP([64] + [64] * 10 + [10])
        if std is not None:
            for layer in net.modules():
                if isinstance(layer, nn.Linear):
                    nn.init.normal_(layer.weight, std=std)
        h, spreads = xb, []
        for layer in net:
            h = layer(h)
            if isinstance(layer, nn.ReLU):
                spreads.append(h.data.std())
        nn.CrossEntropyLoss()(h, yb).backward()
        linears = [layer for layer in net if isinstance(layer, nn.Linear)]
        weight_grads[std] = np.array([layer.weight.grad.std() for layer in linears])
        assert weight_grads[std].max() < 4 * weight_grads[std].min(), std
        low, high = fall[std]
        assert low < linears[-1].bias.grad.std() / linears[0].bias.grad.std() < high, std
        per_layer = (spreads[-1] / spreads[0]) ** (1 / 9)
        expected = {0.05: 0.26, None: 1.0, 0.5: 2.6}[std]
        assert abs(per_layer - expected) < 0.1 * expected, (std, per_layer)
    assert np.all(weight_grads[None] > 1e5 * weight_grads[0.05])
    assert np.all(weight_grads[0.5] > 1e4 * weight_grads[None])


def test_ch08_activation_maximisation_beats_every_training_digit():
    """Chapter 8: on the chapter's trained CNN, 100 normalised steps of gradient ascent on the
    pixels (λ = 0.1, η = 0.1, from faint random ink) raise the central response a_c of each of
    conv 2's first ten channels from at most 0.3 to 2.1-5.3, and each digit's score z_k from below
    0.5 to 15-25: above the largest a_c and the largest z_k of any training digit of class k (11-16),
    and every drawn digit is read as itself. The channels' images have no ink on the border."""
    from minigrad import nn
    from minigrad.data import DataLoader
    from minigrad.train import fit, predict

    images, labels = load_digits()
    X_train, _, y_train, _ = train_test_split(images[:, None], labels, test_size=0.2, seed=0)
    minigrad.manual_seed(0)
    model = nn.Sequential(
        nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(),
        nn.MaxPool2d(2), nn.Flatten(), nn.Dropout(0.25), nn.Linear(32 * 4 * 4, 10))
    optimizer = optim.Adam(model.parameters(), lr=3e-3)
    loader = DataLoader(X_train, y_train, batch_size=32, shuffle=True, seed=0)
    for lr, epochs in [(3e-3, 8), (1e-3, 4), (3e-4, 4)]:
        optimizer.param_groups[0]["lr"] = lr
        fit(model, nn.CrossEntropyLoss(), optimizer, loader, epochs=epochs, progress=False)
    model.eval()

    def ascend(activation, steps=100, eta=0.1, lam=0.1):
        pixels = np.random.default_rng(0).uniform(0, 0.1, (10, 1, 8, 8)).astype(np.float32)
        start = activation(Tensor(pixels)).data
        for _ in range(steps):
            x = Tensor(pixels, requires_grad=True)
            (activation(x) - lam * (x * x).sum(axis=(1, 2, 3))).sum().backward()
            g = x.grad.data
            pixels = np.clip(pixels + eta * g / np.sqrt((g ** 2).sum(axis=(1, 2, 3), keepdims=True)), 0, 1)
        return pixels, start, activation(Tensor(pixels)).data

    ten = np.arange(10)
    channel_images, a_start, a_end = ascend(lambda x: model[:3](x)[ten, ten, 3:5, 3:5].mean(axis=(1, 2)))
    digit_images, z_start, z_end = ascend(lambda x: model(x)[ten, ten])
    a_train = predict(model[:3], X_train)[:, :10, 3:5, 3:5].mean(axis=(2, 3)).max(axis=0)
    z_train = predict(model, X_train)
    z_train = np.array([z_train[y_train == k, k].max() for k in ten])

    assert a_start.max() < 0.35 and z_start.max() < 0.5
    assert 2.0 < a_end.min() and a_end.max() < 5.4 and np.all(a_end > a_train)
    assert 14.5 < z_end.min() and z_end.max() < 25.5 and np.all(z_end > z_train)
    assert 10.5 < z_train.min() and z_train.max() < 16.5
    assert np.array_equal(predict(model, digit_images).argmax(axis=1), ten)
    inside = np.zeros((8, 8), bool)
    inside[1:7, 1:7] = True
    assert channel_images[:, 0, ~inside].max() < 0.05


def test_ch08_the_cnn_beats_chapter_7s_mlp_in_each_of_five_splits():
    """Chapter 8: trained the same way (seed, batches, Adam, the CNN's 16-epoch schedule), the CNN
    reads more of the held-out 20% than chapter 7's 64-256-256-10 MLP on each of five stratified
    splits of the digits (seeds 0-4), by 0.0028 to 0.0139; without its dropout (r = 0), matched
    with the MLP, it is higher in four splits and equal in the fifth, ΔA = +0.0061 ± 0.0032."""
    from minigrad import nn
    from minigrad.data import DataLoader
    from minigrad.train import accuracy, fit, predict

    cnn = lambda r=0.25: nn.Sequential(
        nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(),
        nn.MaxPool2d(2), nn.Flatten(), nn.Dropout(r), nn.Linear(32 * 4 * 4, 10))
    mlp = lambda: nn.Sequential(nn.Flatten(), nn.MLP([64, 256, 256, 10]))
    images, labels = load_digits()
    differences, matched = [], []
    for seed in range(5):
        X_a, X_b, y_a, y_b = train_test_split(images[:, None], labels, test_size=0.2, seed=seed)
        scores = []
        for make in (cnn, mlp, lambda: cnn(0.0)):
            minigrad.manual_seed(seed)
            net = make()
            optimizer = optim.Adam(net.parameters(), lr=3e-3)
            loader = DataLoader(X_a, y_a, batch_size=32, shuffle=True, seed=seed)
            for lr, epochs in [(3e-3, 8), (1e-3, 4), (3e-4, 4)]:
                optimizer.param_groups[0]["lr"] = lr
                fit(net, nn.CrossEntropyLoss(), optimizer, loader, epochs=epochs, progress=False)
            scores.append(accuracy(predict(net, X_b), y_b))
        differences.append(scores[0] - scores[1])
        matched.append(scores[2] - scores[1])
    assert min(differences) > 0.002 and max(differences) < 0.015, differences
    matched = np.array(matched)
    assert np.sum(matched > 0) == 4 and np.abs(matched).min() < 1e-9, matched
    assert 0.004 < matched.mean() < 0.008 and 1.5 < matched.mean() / matched.std() < 2.5, matched


def test_ch08_augmentation_costs_less_after_longer_training():
    """Chapter 8: on 300 training digits, shifting every training image by −1, 0 or +1 pixels
    lowers the accuracy on the centred validation images by about 0.095 after 10 epochs and by
    about 0.041 after 30, less for each of the five seeds."""
    from minigrad import nn
    from minigrad.data import DataLoader
    from minigrad.train import evaluate

    X_learn, _, y_learn, _ = digits_split()
    X_fit, X_val, y_fit, y_val = train_test_split(X_learn, y_learn, test_size=300, seed=0)
    _, X_300, _, y_300 = train_test_split(X_fit, y_fit, test_size=300, seed=0)

    def shift(xb, rng):
        padded = np.pad(xb.reshape(-1, 8, 8), ((0, 0), (1, 1), (1, 1)))
        moves = rng.integers(0, 3, size=(len(xb), 2))
        return np.stack([p[dy:dy + 8, dx:dx + 8] for p, (dy, dx) in zip(padded, moves)]).reshape(len(xb), 64)

    def val_accuracy(augment, epochs, seed):
        minigrad.manual_seed(seed)
        net = nn.MLP([64, 256, 256, 10])
        opt = optim.Adam(net.parameters(), lr=2e-3)
        rng = np.random.default_rng(seed)
        loader = DataLoader(X_300, y_300, batch_size=32, shuffle=True, seed=seed)
        for _ in range(epochs):
            net.train()
            for xb, yb in loader:
                xb = shift(xb, rng) if augment else xb
                opt.zero_grad()
                nn.CrossEntropyLoss()(net(Tensor(xb)), Tensor(yb)).backward()
                opt.step()
        return evaluate(net, (X_val, y_val), nn.CrossEntropyLoss())["accuracy"]

    cost = {epochs: np.array([val_accuracy(True, epochs, seed) - val_accuracy(False, epochs, seed)
                              for seed in range(5)]) for epochs in (10, 30)}
    assert -0.11 < cost[10].mean() < -0.08, cost
    assert -0.05 < cost[30].mean() < -0.03, cost
    assert np.all(cost[10] < cost[30]), cost
