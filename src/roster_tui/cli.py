"""Command line (SPEC §4). Imports the TUI lazily so headless commands never load Textual."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="roster-tui")
    parser.add_argument("--db", help="database file path or SQLAlchemy URL")
    parser.add_argument("--lang", choices=("zh", "en"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    build_parser().parse_args(argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
