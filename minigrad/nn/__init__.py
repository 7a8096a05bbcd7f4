"""Neural-network modules with PyTorch's names (``import minigrad.nn as nn``)."""

from . import functional, init
from .activation import GELU
from .attention import MultiheadAttention
from .containers import ModuleDict, ModuleList, ParameterDict, ParameterList, Sequential
from .layers import (AdaptiveAvgPool2d, AvgPool2d, Conv2d, Dropout, Embedding, Flatten, Linear, LogSoftmax, MaxPool2d,
                     ReLU, Sigmoid, Softmax, Tanh)
from .loss import BCELoss, BCEWithLogitsLoss, CrossEntropyLoss, MSELoss
from .models import MLP, Autoencoder, Perceptron
from .module import LoadResult, Module, Parameter
from .normalization import BatchNorm1d, BatchNorm2d, LayerNorm

__all__ = [
    "Module", "Parameter", "LoadResult", "Linear", "Conv2d", "MaxPool2d", "AvgPool2d", "AdaptiveAvgPool2d", "Flatten",
    "ReLU", "Sigmoid", "Tanh", "Softmax", "LogSoftmax", "Dropout", "Embedding", "Sequential",
    "ModuleList", "ModuleDict", "ParameterList", "ParameterDict", "MSELoss", "BCELoss",
    "BCEWithLogitsLoss", "CrossEntropyLoss", "Perceptron", "MLP", "Autoencoder", "functional", "init",
    "GELU", "LayerNorm", "BatchNorm1d", "BatchNorm2d", "MultiheadAttention",
]
