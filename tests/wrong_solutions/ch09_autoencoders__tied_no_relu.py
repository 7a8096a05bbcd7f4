"""Wrong: no ReLU between the layers, in the encoder or the decoder. With the sigmoid at the
output it still beats PCA after 20 epochs (0.0528 and 0.0225 against 0.053 and 0.0245), but its
stacked Linear layers are one linear map."""

import numpy as np

import minigrad.nn as nn

EXERCISE = "ch09.make_tied_autoencoder"


class Decoder(nn.Module):
    def __init__(self, encoder):
        self.encoder = encoder
        self.biases = nn.ParameterList([nn.Parameter(np.zeros(layer.in_features, dtype=np.float32))
                                        for layer in reversed(list(encoder))])

    def forward(self, x):
        for layer, bias in zip(reversed(list(self.encoder)), self.biases):
            x = x @ layer.weight + bias
        return x.sigmoid()


def make_tied_autoencoder(sizes):
    encoder = nn.Sequential(*[nn.Linear(a, b) for a, b in zip(sizes, sizes[1:])])
    return nn.Autoencoder(encoder, Decoder(encoder))
