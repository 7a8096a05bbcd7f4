"""Cheat: an Autoencoder whose forward returns its input, around the encoder and decoder."""

import numpy as np

from minigrad import nn

EXERCISE = "ch09.make_tied_autoencoder"


class Mirror(nn.Module):
    def __init__(self, encoder):
        self.encoder = encoder
        self.bias = nn.Parameter(np.zeros(encoder.in_features, dtype=np.float32))

    def forward(self, code):
        return (code @ self.encoder.weight + self.bias).sigmoid()


class Identity(nn.Autoencoder):
    def forward(self, x):
        return self.decode(self.encode(x)) * 0.0 + x


def make_tied_autoencoder(sizes):
    encoder = nn.Linear(sizes[0], sizes[-1])
    return Identity(encoder, Mirror(encoder))
