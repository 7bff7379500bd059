"""``eventcode convert FILE --to acled-csv``: records from YAML/JSON/JSON Lines written as ACLED CSV."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eventcode.convert import WRITERS, convert_records


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("convert", help="convert records to ACLED CSV",
                            description="Write records (YAML, JSON, JSON Lines keyed by ACLED column names) as "
                            "ACLED CSV. A record that breaks a rule is reported and nothing is written.")
    parser.add_argument("file", type=Path, help="input file")
    parser.add_argument("--to", required=True, choices=sorted(WRITERS), help="output format")
    parser.add_argument("-o", "--output", type=Path, help="output file (default: stdout)")
    parser.add_argument("--inter", choices=["text", "numeric"], default="text",
                        help="inter1/inter2/interaction as labels (ACLED 2024, default) or numbers")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    problems = convert_records(args.file, args.output, to=args.to, inter=args.inter)
    for issue in problems:
        print(issue, file=sys.stderr)
    if problems:
        print(f"eventcode: {len(problems)} problem(s) found; nothing written", file=sys.stderr)
        return 1
    return 0
