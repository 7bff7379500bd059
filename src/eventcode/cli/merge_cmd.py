"""``eventcode merge BASE UPDATE... [--deleted FILE] -o OUT``: keep a local ACLED dataset current.

Exit code 0 when merged; 1 when rows broke a rule (nothing written, or with ``--rejects`` the broken update rows
set aside and the rest merged); 2 for a usage error, unreadable input or unwritable output.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eventcode.cli._limits import size
from eventcode.formats.acled_read import MAX_FIELD_BYTES
from eventcode.merge import Merge, merge, write_report


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("merge", help="apply ACLED updates and deletions to a local ACLED file",
                            description="Merge ACLED update files and ACLED's deleted-events list into a base file, "
                            "keyed by event_id_cnty: a newer timestamp replaces a row, a later deletion removes it, "
                            "new ids are added after the base's rows. Files in another form are converted to the "
                            "base's, and said so. See docs/dataset.md.")
    parser.add_argument("base", type=Path, metavar="BASE", help="the ACLED CSV file kept locally")
    parser.add_argument("updates", type=Path, nargs="+", metavar="UPDATE", help="ACLED CSV files of new and "
                        "re-issued events, oldest first")
    parser.add_argument("-o", "--output", type=Path, required=True,
                        help="the merged file (written atomically; may be BASE itself)")
    parser.add_argument("--deleted", type=Path, metavar="FILE",
                        help="ACLED's deleted-events list: CSV with event_id_cnty and deleted_timestamp")
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--inter", choices=["text", "numeric"],
                      help="write inter1/inter2/interaction in this form (default: the base's)")
    form.add_argument("--to-current", action="store_const", const="text", dest="inter",
                      help="write ACLED's current generation (2024 labels): the same as --inter text")
    parser.add_argument("--sort", action="store_true", help="order the rows by event_date, then event_id_cnty "
                        "(holds the whole output in memory)")
    parser.add_argument("--rejects", type=Path, metavar="FILE",
                        help="merge the valid update rows and put the broken ones, unchanged, in FILE")
    parser.add_argument("--report", type=Path, metavar="FILE.json", help="write what was kept, replaced (and "
                        "which fields changed), added and deleted as JSON")
    parser.add_argument("--max-field-bytes", type=size, default=MAX_FIELD_BYTES, metavar="SIZE",
                        help="largest CSV field read (default: 1M)")
    parser.set_defaults(run=run)


def summary(result: Merge) -> str:
    """One line on what the merge did."""
    text = (f"{result.base_rows:,} base rows: {result.kept:,} kept, {result.replaced:,} replaced, "
            f"{result.deleted:,} deleted; {result.added:,} added; {result.written:,} written ({result.inter})")
    if result.not_newer or result.withdrawn:
        text += (f"; update rows ignored: {result.not_newer:,} not newer, {result.withdrawn:,} withdrawn by a later "
                 "deletion")
    if result.deleted_not_in_base:
        text += f"; deleted ids not in the base: {len(result.deleted_not_in_base):,}"
    if result.rejected:
        text += f"; {result.rejected:,} update rows rejected"
    return text


def run(args: argparse.Namespace) -> int:
    result = merge(args.base, args.updates, args.output, deleted=args.deleted, inter=args.inter, sort=args.sort,
                   rejects=args.rejects, max_field_bytes=args.max_field_bytes)
    for issue in result.issues:
        print(issue, file=sys.stderr)
    if not result.done:
        print(f"eventcode: {len(result.issues):,} problem(s); nothing written", file=sys.stderr)
        return 1
    for path, change in result.converted.items():
        print(f"eventcode: {path}: converted {change} (as eventcode convert does)", file=sys.stderr)
    if args.report is not None:
        write_report(result, args.report)
    print(f"eventcode: {summary(result)}", file=sys.stderr)
    return 1 if result.issues else 0
