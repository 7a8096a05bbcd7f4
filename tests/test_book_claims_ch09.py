"""The numbers that chapter 9 relies on, recomputed with the library: each comparison the
prose draws, at the chapter's seeds (the pattern of book_claims_helpers.py)."""
import numpy as np

import minigrad
from book_claims_helpers import digits_split
from minigrad import Tensor, optim


def pca_rebuild(X_train, X, k):
    """Chapter 9: X rebuilt from its first k principal components on X_train."""
    mean = X_train.mean(axis=0)
    top = np.linalg.svd(X_train - mean, full_matrices=False)[2][:k]
    return (X - mean) @ top.T @ top + mean


def mse(a, b):
    return float(np.mean((a - b) ** 2))


def fit_autoencoder(encoder, decoder, inputs, targets, seed, epochs, batch_size):
    """Chapter 9's training: Adam (lr 0.003) on the mean squared error, batches shuffled by seed."""
    from minigrad import nn
    from minigrad.data import DataLoader
    from minigrad.train import fit

    minigrad.manual_seed(seed)
    model = nn.Autoencoder(encoder(), decoder())
    fit(model, nn.MSELoss(), optim.Adam(model.parameters(), lr=3e-3),
        DataLoader(inputs, targets, batch_size=batch_size, shuffle=True, seed=seed),
        epochs=epochs, metrics=(), progress=False)
    return model


def test_ch09_two_number_codes_over_five_seeds():
    """Chapter 9: on each of seeds 0-4 (split, weights, batches), the 2-number autoencoder's E is
    0.0173-0.0198 below PCA-2's, and a 5-nearest-neighbour vote on its codes labels 0.79-0.84 of
    the test digits right, against 0.61-0.66 on PCA's, 0.16-0.22 more."""
    from minigrad import nn
    from minigrad.train import predict

    for seed in range(5):
        X_train, X_test, y_train, y_test = digits_split(seed)
        model = fit_autoencoder(lambda: nn.MLP([64, 128, 32, 2]),
                                lambda: nn.MLP([2, 32, 128, 64], output_activation="sigmoid"),
                                X_train, X_train, seed, epochs=30, batch_size=32)
        mean = X_train.mean(axis=0)
        top_2 = np.linalg.svd(X_train - mean, full_matrices=False)[2][:2]
        gap = mse(pca_rebuild(X_train, X_test, 2), X_test) - mse(predict(model, X_test), X_test)
        assert 0.0172 < gap < 0.0199, (seed, gap)
        votes = []
        for train_codes, codes in [((X_train - mean) @ top_2.T, (X_test - mean) @ top_2.T),
                                   (predict(model.encoder, X_train), predict(model.encoder, X_test))]:
            distances = np.sum((codes[:, None] - train_codes[None]) ** 2, axis=2)
            nearest = y_train[np.argsort(distances, axis=1)[:, :5]]
            guess = [np.bincount(row, minlength=10).argmax() for row in nearest]
            votes.append(np.mean(guess == y_test))
        assert 0.605 < votes[0] < 0.665 and 0.785 < votes[1] < 0.845, (seed, votes)
        assert 0.155 < votes[1] - votes[0] < 0.225, (seed, votes)


def test_ch09_denoiser_against_linear_maps_over_five_seeds():
    """Chapter 9: on each of seeds 0-4 (split, noise, weights, batches), the denoiser's E is at
    most 0.46 of the noisy digits', 0.0006-0.0016 above the least-squares affine map's and
    0.0013-0.0022 below that of the best affine map through 16 numbers."""
    from minigrad import nn
    from minigrad.train import predict

    for seed in range(5):
        X_train, X_test, _, _ = digits_split(seed)
        rng = np.random.default_rng(seed)
        noisy_train = np.clip(X_train + rng.normal(0.0, 0.3, X_train.shape), 0, 1).astype(np.float32)
        noisy_test = np.clip(X_test + rng.normal(0.0, 0.3, X_test.shape), 0, 1).astype(np.float32)
        model = fit_autoencoder(
            lambda: nn.MLP([64, 128, 64, 16], activation="tanh", output_activation="tanh"),
            lambda: nn.MLP([16, 64, 128, 64], activation="tanh", output_activation="sigmoid"),
            noisy_train, X_train, seed, epochs=40, batch_size=64)
        network = mse(predict(model, noisy_test), X_test)
        noisy_mean, clean_mean = noisy_train.mean(axis=0), X_train.mean(axis=0)
        B, *_ = np.linalg.lstsq(noisy_train - noisy_mean, X_train - clean_mean, rcond=None)
        top = np.linalg.svd((noisy_train - noisy_mean) @ B, full_matrices=False)[2][:16]
        full = mse((noisy_test - noisy_mean) @ B + clean_mean, X_test)
        rank_16 = mse((noisy_test - noisy_mean) @ B @ top.T @ top + clean_mean, X_test)
        assert network < 0.465 * mse(noisy_test, X_test), seed
        assert 0.00055 < network - full < 0.00165, (seed, network, full)
        assert 0.00125 < rank_16 - network < 0.00225, (seed, network, rank_16)


def test_ch09_sparse_code_against_pca_with_as_many_components_over_five_seeds():
    """Chapter 9: on each of seeds 0-4, the λ = 0.1 code has k = 13 or 14 active units on average
    over the training digits, E of 0.0106-0.0116 (0.0021-0.0026 with λ = 0), and E 0.0019-0.0037
    below PCA with k components."""
    import minigrad.functional as F
    from minigrad import nn
    from minigrad.data import DataLoader
    from minigrad.train import predict

    for seed in range(5):
        X_train, X_test, _, _ = digits_split(seed)
        errors = {}
        for penalty in (0.0, 0.1):
            minigrad.manual_seed(seed)
            model = nn.Autoencoder(nn.Sequential(nn.Linear(64, 64), nn.ReLU()),
                                   nn.Sequential(nn.Linear(64, 64, init="glorot"), nn.Sigmoid()))
            optimizer = optim.Adam(model.parameters(), lr=3e-3)
            loader = DataLoader(X_train, X_train, batch_size=32, shuffle=True, seed=seed)
            for _ in range(30):
                for xb, _ in loader:
                    x = Tensor(xb)
                    code = model.encode(x)
                    loss = F.mse_loss(model.decode(code), x) + penalty * code.mean()
                    optimizer.zero_grad()
                    loss.backward()
                    optimizer.step()
            errors[penalty] = mse(predict(model, X_test), X_test)
        k = int(round(np.mean(np.sum(predict(model.encoder, X_train) > 0, axis=1))))
        assert k in (13, 14), (seed, k)
        assert 0.00205 < errors[0.0] < 0.00265 and 0.01055 < errors[0.1] < 0.01165, (seed, errors)
        assert 0.00185 < mse(pca_rebuild(X_train, X_test, k), X_test) - errors[0.1] < 0.00375, seed
