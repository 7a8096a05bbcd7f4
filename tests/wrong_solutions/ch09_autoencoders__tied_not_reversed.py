"""Wrong: the decoder goes through the encoder's matrices in their own order, not the reverse,
and without transposing them: it cannot even map the code back to sizes[0] numbers."""

import numpy as np

import minigrad.nn as nn

EXERCISE = "ch09.make_tied_autoencoder"


class Decoder(nn.Module):
    def __init__(self, encoder):
        self.encoder = encoder
        self.linears = nn.ModuleList([m for m in encoder.modules() if isinstance(m, nn.Linear)])
        self.biases = nn.ParameterList([nn.Parameter(np.zeros(layer.in_features, dtype=np.float32))
                                        for layer in reversed(list(self.linears))])

    def forward(self, x):
        for step, (layer, bias) in enumerate(zip(self.linears, self.biases)):
            x = x @ layer.weight.T + bias
            x = x.relu() if step < len(self.biases) - 1 else x.sigmoid()
        return x


def make_tied_autoencoder(sizes):
    encoder = nn.MLP(sizes)
    return nn.Autoencoder(encoder, Decoder(encoder))
