"""``python -m benchmarks [names] [--threads N] [--rounds R] [--book]`` — what ``make bench`` runs.

Prints a table per benchmark and the targets of issue 10, met or missed, and appends one JSON
line per result to ``benchmarks/results.jsonl`` (``--out`` to change it).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from . import harness

TIMED = ("scalar", "mlp", "cnn", "transformer")  # minigrad against its peers, step by step
OTHERS = ("digits", "import")             # whole runs: accuracy and time, and start-up time


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", metavar="name",
                        help=f"benchmarks to run: {', '.join(TIMED + OTHERS)} (default: all)")
    parser.add_argument("--threads", type=int, default=1, help="BLAS and PyTorch threads (default 1)")
    parser.add_argument("--rounds", type=int, default=9, help="interleaved rounds per benchmark")
    parser.add_argument("--book", action="store_true", help="also time `make book` (minutes)")
    parser.add_argument("--out", default=str(Path(__file__).parent / "results.jsonl"),
                        help="JSON lines file the results are appended to")
    args = parser.parse_args(argv)
    names = args.names or list(TIMED + OTHERS)
    unknown = [n for n in names if n not in TIMED + OTHERS]
    if unknown:
        parser.error(f"unknown benchmark(s) {', '.join(unknown)}; choose from {', '.join(TIMED + OTHERS)}")

    limiter = harness.limit_threads(args.threads)  # noqa: F841 (kept alive for the whole run)
    env = harness.environment(args.threads)
    print(f"minigrad benchmarks: {args.threads} thread(s), {args.rounds} rounds; "
          + ", ".join(f"{k} {v}" for k, v in env.items() if k not in ("threads", "time")))
    all_rows, all_checks = [], []
    for name in names:
        if name in TIMED:
            suite = importlib.import_module(f".{name}", __package__).suite()
            print(f"\n## {name}: {suite.what}")
            for peer, why in suite.skipped.items():
                print(f"   skipped {peer}: {why}")
            results = harness.measure(suite, args.rounds)
            rows = [vars(r) for r in results]
            checks = harness.check_targets(suite, results)
            print(harness.table(rows))
        else:
            module = importlib.import_module(".startup" if name == "import" else f".{name}", __package__)
            print(f"\n## {module.__doc__.splitlines()[0]}")
            rows, checks = module.run()
            print(harness.table(rows))
        harness.write_jsonl(args.out, rows + [{"benchmark": name, **c} for c in checks], env)
        all_rows += rows
        all_checks += checks
        sys.stdout.flush()
    if args.book:
        from . import book
        print("\n## book: make book, clean and unchanged")
        rows, checks = book.run()
        print(harness.table(rows))
        harness.write_jsonl(args.out, rows + [{"benchmark": "book", **c} for c in checks], env)
        all_checks += checks
    note = "" if args.threads == 1 else f" — defined for 1 thread, measured here with {args.threads}"
    print(f"\n## targets (issue 10){note}\n" + harness.targets_table(all_checks))
    print(f"\nresults appended to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
