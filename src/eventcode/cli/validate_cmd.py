"""``eventcode validate PATH...``: check ACLED files (CSV of any generation, JSON Lines, JSON, YAML).

Exit code 0 when every file is valid, 1 when problems were found, 2 for a usage error or unreadable input.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from eventcode._atomic import atomic_text_writer
from eventcode.cli._limits import add_limit_options
from eventcode.cli._progress import ProgressBar
from eventcode.reporters import REPORTERS
from eventcode.validate import FORMATS, Options, UsageError, parse_codes, validate_paths


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("validate", help="check ACLED files against every rule",
                            description="Check ACLED files (CSV of any generation, JSON Lines, JSON, YAML) against "
                            "every record rule and the dataset rules. Exit code 0 when valid, 1 when problems were "
                            "found, 2 for a usage error or unreadable input.")
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files to check")
    parser.add_argument("--format", choices=sorted(REPORTERS), default="text", dest="report_format",
                        help="report format (default: text)")
    parser.add_argument("--limit-errors", type=int, metavar="N", help="show at most N issues per file "
                        "(the counts still cover all)")
    parser.add_argument("--select", metavar="CODES", help="report only these error codes (comma-separated)")
    parser.add_argument("--ignore", metavar="CODES", help="do not report these error codes (comma-separated)")
    parser.add_argument("--input-format", choices=sorted(FORMATS), help="the input format (default: detected)")
    parser.add_argument("-o", "--output", type=Path, help="write the report to this file (default: stdout)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar, even on a terminal")
    add_limit_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.limit_errors is not None and args.limit_errors < 0:
        raise UsageError("--limit-errors must be 0 or more")
    bar = None
    if not args.no_progress and sys.stderr.isatty():
        bar = ProgressBar(sys.stderr, sum(os.path.getsize(p) for p in args.paths if p.is_file()))
    options = Options(select=parse_codes(args.select) if args.select else None,
                      ignore=parse_codes(args.ignore) if args.ignore else frozenset(),
                      limit_errors=args.limit_errors, progress=bar, max_field_bytes=args.max_field_bytes,
                      max_bytes=args.max_bytes)
    try:
        report = validate_paths(args.paths, options, args.input_format)
    finally:
        if bar is not None:
            bar.close()
    text = REPORTERS[args.report_format](report)
    if args.output:
        with atomic_text_writer(args.output) as out:
            out.write(text)
    else:
        sys.stdout.write(text)
    if not all(f.readable for f in report.files):
        return 2
    return 0 if report.valid else 1
