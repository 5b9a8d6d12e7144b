"""Command line: ``python -m exercises <command>``.

  validate    load and validate every exercise bank
"""
from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m exercises")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="load and validate every exercise bank")
    args = parser.parse_args(argv)

    if args.command == "validate":
        from .specs import SpecError, load_banks
        try:
            banks = load_banks()
        except SpecError as err:
            print(f"error: {err}", file=sys.stderr)
            return 1
        print(f"{sum(len(b.exercises) for b in banks.values())} exercises in {len(banks)} banks are valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
