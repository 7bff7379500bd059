"""``eventcode convert IN --to FORMAT``: ACLED CSV of any generation, or records, to the current layout or a shape
analysts load (GeoJSON, Parquet, one row per actor).

Exit code 0 when every row was written, 1 when rows broke a rule (nothing written, or with ``--rejects`` the
broken rows set aside), 2 for a usage error or unreadable input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eventcode.cli._limits import add_limit_options
from eventcode.convert import EXCEL_SAFE_FORMATS, WRITERS, Conversion, Limits, convert_file, convert_workspace
from eventcode.errors import InvalidEvent
from eventcode.validate import UsageError


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("convert", help="convert ACLED files to the current layout (CSV, JSON Lines) or to "
                            "GeoJSON, Parquet, one row per actor",
                            description="Convert ACLED CSV of any generation (legacy, numeric, text) or records "
                            "(YAML, JSON, JSON Lines keyed by ACLED column names) to ACLED's current layout. A row "
                            "that breaks a rule is reported and nothing is written, unless --rejects names a file "
                            "for the broken rows.")
    parser.add_argument("file", type=Path, help="input file (.csv: ACLED CSV; .yaml/.yml/.json/.jsonl: records), "
                        "or a workbench workspace folder (its accepted events)")
    parser.add_argument("--to", required=True, choices=sorted(WRITERS), help="output format")
    parser.add_argument("-o", "--output", type=Path, help="output file (default: stdout; parquet needs a file)")
    parser.add_argument("--inter", choices=["text", "numeric"], default="text",
                        help="inter1/inter2/interaction as labels (ACLED 2024, default) or numbers")
    parser.add_argument("--rejects", type=Path, metavar="FILE",
                        help="write the valid rows and put the broken ones, unchanged, in FILE")
    parser.add_argument("--excel-safe", action="store_true",
                        help="for people who open the output in a spreadsheet: prefix ' to every text cell that "
                        "starts with = + - @, tab or CR, so it is not run as a formula. Changes the data; off by "
                        f"default; {', '.join(EXCEL_SAFE_FORMATS)} only")
    add_limit_options(parser)
    parser.set_defaults(run=run)


def summary(conversion: Conversion) -> str:
    """One paragraph on what the conversion read, wrote, derived, left blank and dropped."""
    parts = [f"{conversion.rows_read:,} rows read ({conversion.generation or 'no rows'}), "
             f"{conversion.rows_written:,} written, {conversion.rows_rejected:,} rejected"]
    if conversion.derived:
        parts.append("derived: " + ", ".join(f"{name} {n:,}" for name, n in sorted(conversion.derived.items())))
    if conversion.left_blank:
        parts.append("left blank (cannot be derived): " + ", ".join(
            f"{name} {n:,}" for name, n in sorted(conversion.left_blank.items())))
    if conversion.dropped:
        parts.append("columns dropped: " + ", ".join(conversion.dropped))
    if conversion.blank_rows:
        parts.append(f"blank lines skipped: {conversion.blank_rows:,}")
    return "; ".join(parts)


def run(args: argparse.Namespace) -> int:
    if args.excel_safe and args.to not in EXCEL_SAFE_FORMATS:
        raise UsageError(f"--excel-safe applies to {', '.join(EXCEL_SAFE_FORMATS)}, not {args.to}")
    if args.file.is_dir():
        return _workspace(args)
    try:
        conversion = convert_file(args.file, args.output, to=args.to, inter=args.inter, rejects=args.rejects,
                                  excel_safe=args.excel_safe, limits=Limits(args.max_bytes, args.max_field_bytes))
    except InvalidEvent as exc:  # valid events the output format cannot hold (e.g. no CAMEO equivalent)
        for issue in exc.issues:
            print(f"{args.file}: {issue}", file=sys.stderr)
        print(f"eventcode: {len(exc.issues)} event(s) cannot be written as {args.to}; nothing written",
              file=sys.stderr)
        return 1
    for issue in conversion.issues:
        print(issue, file=sys.stderr)
    if conversion.rows_rejected and not conversion.written:
        print(f"eventcode: {len(conversion.issues)} problem(s) in {conversion.rows_rejected:,} row(s); nothing "
              "written", file=sys.stderr)
        return 1
    if (conversion.rows_rejected or conversion.derived or conversion.left_blank or conversion.dropped
            or conversion.blank_rows):
        print(f"eventcode: {summary(conversion)}", file=sys.stderr)
    return 1 if conversion.rows_rejected else 0


def _workspace(args: argparse.Namespace) -> int:
    """Convert the accepted events of a workbench workspace, all or nothing."""
    if args.rejects is not None:
        raise UsageError("--rejects applies to a file, not to a workspace folder")
    problems = convert_workspace(args.file, args.output, to=args.to, inter=args.inter, excel_safe=args.excel_safe)
    for issue in problems:
        print(f"{args.file}/{issue}", file=sys.stderr)
    if problems:
        print(f"eventcode: {len(problems)} problem(s) in the workspace {args.file}; nothing written", file=sys.stderr)
        return 1
    return 0
