"""Neural-network modules with PyTorch's names (``import minigrad.nn as nn``)."""

from . import functional
from .activation import GELU
from .attention import MultiheadAttention
from .layers import (AvgPool2d, Conv2d, Dropout, Embedding, Flatten, Linear, MaxPool2d, ReLU,
                     Sequential, Sigmoid, Tanh)
from .loss import BCELoss, BCEWithLogitsLoss, CrossEntropyLoss, MSELoss
from .models import MLP, Autoencoder, Perceptron
from .module import LoadResult, Module, Parameter
from .normalization import BatchNorm1d, BatchNorm2d, LayerNorm

__all__ = [
    "Module", "Parameter", "LoadResult", "Linear", "Conv2d", "MaxPool2d", "AvgPool2d", "Flatten", "ReLU",
    "Sigmoid", "Tanh", "Dropout", "Embedding", "Sequential", "MSELoss", "BCELoss",
    "BCEWithLogitsLoss", "CrossEntropyLoss", "Perceptron", "MLP", "Autoencoder", "functional",
    "GELU", "LayerNorm", "BatchNorm1d", "BatchNorm2d", "MultiheadAttention",
]
