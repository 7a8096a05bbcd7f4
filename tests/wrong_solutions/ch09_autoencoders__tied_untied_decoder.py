"""Wrong: the decoder is a mirror image with weight matrices of its own, so nothing is tied."""

import minigrad.nn as nn

EXERCISE = "ch09.make_tied_autoencoder"


def make_tied_autoencoder(sizes):
    encoder = nn.MLP(sizes)
    decoder = nn.MLP(sizes[::-1], output_activation="sigmoid")
    return nn.Autoencoder(encoder, decoder)
