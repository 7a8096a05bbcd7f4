"""Wrong: the decoder reuses the matrices but has no biases: one bias per decoder layer is missing."""

import minigrad.nn as nn

EXERCISE = "ch09.make_tied_autoencoder"


class Decoder(nn.Module):
    def __init__(self, encoder):
        self.encoder = encoder

    def forward(self, x):
        linears = [m for m in self.encoder.modules() if isinstance(m, nn.Linear)]
        for step, layer in enumerate(reversed(linears)):
            x = x @ layer.weight
            x = x.relu() if step < len(linears) - 1 else x.sigmoid()
        return x


def make_tied_autoencoder(sizes):
    encoder = nn.MLP(sizes)
    return nn.Autoencoder(encoder, Decoder(encoder))
