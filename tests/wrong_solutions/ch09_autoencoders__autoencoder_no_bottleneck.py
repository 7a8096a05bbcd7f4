"""Wrong: the code is as large as the input, so nothing is compressed."""

import minigrad.nn as nn

EXERCISE = "ch09.make_autoencoder"


def make_autoencoder(code_size):
    encoder = nn.MLP([64, 128, 64])
    decoder = nn.MLP([64, 128, 64], output_activation="sigmoid")
    return nn.Autoencoder(encoder, decoder)
