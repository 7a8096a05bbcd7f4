"""minigrad's benchmarks against PyTorch, micrograd and hand-written numpy: ``make bench``.

See ``benchmarks/README.md``; ``python -m benchmarks --help`` lists the options.
"""
