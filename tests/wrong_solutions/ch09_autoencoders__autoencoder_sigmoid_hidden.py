"""Wrong: sigmoid hidden layers, which learn too slowly to beat PCA in the training budget."""

import minigrad.nn as nn

EXERCISE = "ch09.make_autoencoder"


def make_autoencoder(code_size):
    encoder = nn.MLP([64, 64, code_size], activation="sigmoid", output_activation="sigmoid")
    decoder = nn.MLP([code_size, 64, 64], activation="sigmoid", output_activation="sigmoid")
    return nn.Autoencoder(encoder, decoder)
