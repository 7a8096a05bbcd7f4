"""Cheat: an Autoencoder whose forward returns its input, around the encoder and decoder."""

from minigrad import nn

EXERCISE = "ch09.make_autoencoder"


class Identity(nn.Autoencoder):
    def forward(self, x):
        return self.decode(self.encode(x)) * 0.0 + x


def make_autoencoder(code_size):
    return Identity(nn.MLP([64, 32, code_size]), nn.MLP([code_size, 32, 64]))
