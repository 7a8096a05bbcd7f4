"""Wrong: Linear layers without activation functions: at best it matches PCA, never beats it."""

import minigrad.nn as nn

EXERCISE = "ch09.make_autoencoder"


def make_autoencoder(code_size):
    encoder = nn.Sequential(nn.Linear(64, 32), nn.Linear(32, code_size))
    decoder = nn.Sequential(nn.Linear(code_size, 32), nn.Linear(32, 64))
    return nn.Autoencoder(encoder, decoder)
