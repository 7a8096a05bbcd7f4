"""Wrong: always builds a code of 2 numbers, whatever code_size it is given."""

import minigrad.nn as nn

EXERCISE = "ch09.make_autoencoder"


def make_autoencoder(code_size):
    encoder = nn.MLP([64, 128, 32, 2])
    decoder = nn.MLP([2, 32, 128, 64], output_activation="sigmoid")
    return nn.Autoencoder(encoder, decoder)
