"""Wrong: the decoder multiplies by the encoder's weight.data, a plain array the gradient never
reaches: training the decoder does not train the shared matrices."""

import numpy as np

import minigrad.nn as nn
from minigrad import Tensor

EXERCISE = "ch09.make_tied_autoencoder"


class Decoder(nn.Module):
    def __init__(self, encoder):
        self.encoder = encoder
        self.biases = nn.ParameterList([nn.Parameter(np.zeros(layer.in_features, dtype=np.float32))
                                        for layer in reversed(self.linears())])

    def linears(self):
        return [m for m in self.encoder.modules() if isinstance(m, nn.Linear)]

    def forward(self, x):
        for step, (layer, bias) in enumerate(zip(reversed(self.linears()), self.biases)):
            x = x @ Tensor(layer.weight.data) + bias
            x = x.relu() if step < len(self.biases) - 1 else x.sigmoid()
        return x


def make_tied_autoencoder(sizes):
    encoder = nn.MLP(sizes)
    return nn.Autoencoder(encoder, Decoder(encoder))
